import { createQuery } from '@urql/solid';
import { For } from 'solid-js';
import { formatDate } from '../../lib/format.ts';
import { graphql } from '../../lib/graphql.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';

export const DISPENSE_PREVIEW = graphql(`
  query DispensePreview($input: DispensePreviewInput!) {
    dispensePreview(input: $input) {
      item { id name unit }
      requested available sufficient
      allocations { quantity lotNumber expiresOn }
    }
  }
`);

/** Which lots first-expiry-first-out would take now, before anything is taken. */
export function FefoPreview(props: { locationId: string; lines: { itemId: string; quantity: number }[] }) {
  const [result] = createQuery({
    query: DISPENSE_PREVIEW,
    variables: () => ({ input: { locationId: props.locationId, lines: props.lines } }),
    requestPolicy: 'network-only',
  });
  return (
    <Loaded result={result} isEmpty={(d) => !d.dispensePreview.length} empty="Nothing to dispense.">
      {(data) => (
        <ScrollTable label="Lots to take">
          <table aria-label="Lots to take">
            <thead>
              <tr>
                <th scope="col">Medicine</th>
                <th scope="col">To give</th>
                <th scope="col">On the shelf</th>
                <th scope="col">From lots (first expiry first)</th>
              </tr>
            </thead>
            <tbody>
              <For each={data().dispensePreview}>
                {(line) => (
                  <tr classList={{ insufficient: !line.sufficient }}>
                    <th scope="row">{line.item.name}</th>
                    <td>
                      {line.requested} {line.item.unit}
                    </td>
                    <td>{line.sufficient ? line.available : `${line.available} — not enough`}</td>
                    <td>
                      <For each={line.allocations}>
                        {(a) => (
                          <span class="lot">
                            {a.quantity} from {a.lotNumber}
                            {a.expiresOn ? ` (expires ${formatDate(a.expiresOn)})` : ''}
                          </span>
                        )}
                      </For>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </ScrollTable>
      )}
    </Loaded>
  );
}
