import { useSearchParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { FacilitySelect } from '../../features/FacilitySelect.tsx';
import { useFacilityChoice } from '../../features/facilities.ts';
import { formatDateTime, withZone } from '../../lib/format.ts';
import { MOVEMENT_KIND, MOVEMENT_REFERENCE } from '../../lib/labels/supply.ts';
import { listsOf } from '../../lib/lists.ts';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { useItems } from './catalogue.ts';
import { LEDGER_PAGE, STOCK_MOVEMENTS } from './ledger-queries.ts';
import { useLocations } from './locations.ts';

/** References people write themselves (a delivery note, a ward name), worth showing; the others are ids. */
const SPOKEN_REFERENCES = new Set(['DELIVERY', 'WARD']);

/** The stock ledger of a facility, newest first, for one item and/or one location (?item=&location=), a page at a time. */
export function StockLedger() {
  const place = useFacilityChoice();
  const items = useItems();
  const locations = useLocations(() => place.facility()?.id);
  const [params] = useSearchParams<{ item?: string; location?: string }>();
  const [itemId, setItemId] = createSignal(params.item ?? '');
  const [locationId, setLocationId] = createSignal(params.location ?? '');
  const [cursors, setCursors] = createSignal<string[]>([]);
  const filter = () => ({
    facilityId: place.facility()?.id ?? '',
    ...(itemId() ? { itemId: itemId() } : {}),
    ...(locationId() ? { locationId: locationId() } : {}),
  });
  const [result] = createQuery({
    query: STOCK_MOVEMENTS,
    variables: () => ({ filter: filter(), first: LEDGER_PAGE, after: cursors().at(-1) ?? null }),
    pause: () => !place.facility(),
    context: listsOf('StockMovement'),
  });
  const refine = (set: (value: string) => void, value: string) => {
    set(value);
    setCursors([]);
  };
  const zone = () => place.facility()?.timezone;
  return (
    <section class="page" aria-labelledby="ledger-title">
      <h1 id="ledger-title">Stock ledger</h1>
      <FacilitySelect facilities={place.facilities()} value={place.facility()?.id} onChange={place.choose} />
      <div class="row">
        <Field label="Item">
          {(c) => (
            <select {...c} value={itemId()} onChange={(e) => refine(setItemId, e.currentTarget.value)}>
              <option value="">All items</option>
              <For each={items()}>{(i) => <option value={i.id}>{i.name}</option>}</For>
            </select>
          )}
        </Field>
        <Field label="Location">
          {(c) => (
            <select {...c} value={locationId()} onChange={(e) => refine(setLocationId, e.currentTarget.value)}>
              <option value="">All locations</option>
              <For each={locations()}>{(l) => <option value={l.id}>{l.name}</option>}</For>
            </select>
          )}
        </Field>
      </div>
      <Loaded result={result} isEmpty={(d) => !d.stockMovements.nodes.length} empty="No stock movements match.">
        {(data) => (
          <>
            <ScrollTable label="Stock movements">
              <table aria-label="Stock movements, newest first">
                <thead>
                  <tr>
                    <th scope="col">{withZone('When', zone())}</th>
                    <th scope="col">Item</th>
                    <th scope="col">Lot</th>
                    <th scope="col">Location</th>
                    <th scope="col">Movement</th>
                    <th scope="col">Units</th>
                    <th scope="col">Reference</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={data().stockMovements.nodes}>
                    {(m) => (
                      <tr>
                        <td>{formatDateTime(m.occurredAt, zone())}</td>
                        <th scope="row">{m.item.name}</th>
                        <td>{m.lot.lotNumber}</td>
                        <td>{m.location.name}</td>
                        <td>
                          {MOVEMENT_KIND[m.kind]}
                          {m.reason ? ` · ${m.reason}` : ''}
                        </td>
                        <td class="number">
                          {m.quantity > 0 ? `+${m.quantity}` : m.quantity} {m.item.unit}
                        </td>
                        <td>
                          {MOVEMENT_REFERENCE[m.referenceType]}
                          {SPOKEN_REFERENCES.has(m.referenceType) ? `: ${m.referenceId}` : ''}
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </ScrollTable>
            <div class="actions">
              <Show when={cursors().length}>
                <button type="button" class="secondary" onClick={() => setCursors((c) => c.slice(0, -1))}>
                  Newer
                </button>
              </Show>
              <Show when={data().stockMovements.pageInfo.hasNextPage && data().stockMovements.pageInfo.endCursor}>
                {(cursor) => (
                  <button type="button" class="secondary" onClick={() => setCursors((c) => [...c, cursor()])}>
                    Older
                  </button>
                )}
              </Show>
            </div>
          </>
        )}
      </Loaded>
    </section>
  );
}
