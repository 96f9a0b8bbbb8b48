import { For, Show } from 'solid-js';
import { formatZonedDateTime } from '../../lib/format.ts';
import { type FragmentOf, readFragment } from '../../lib/graphql.ts';
import { LAB_ORDER_STATUS, RESULT_FLAG } from '../../lib/labels/clinical.ts';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { useFacilityZone } from '../facilities.ts';
import { LAB_ORDER_FIELDS } from './fields.ts';

/** Lab orders and their current results, abnormal flags spelled out. */
export function LabResults(props: { orders: readonly FragmentOf<typeof LAB_ORDER_FIELDS>[] }) {
  const zone = useFacilityZone();
  const orders = () => readFragment(LAB_ORDER_FIELDS, props.orders);
  return (
    <Show when={orders().length} fallback={<p class="empty">No lab orders.</p>}>
      <For each={orders()}>
        {(order) => (
          <ScrollTable label="Lab results">
            <table class="lab-order">
              <caption>
                Ordered {formatZonedDateTime(order.orderedAt, zone())} · {LAB_ORDER_STATUS[order.status]}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Test</th>
                  <th scope="col">Result</th>
                  <th scope="col">Range</th>
                  <th scope="col">Flag</th>
                </tr>
              </thead>
              <tbody>
                <For each={order.items}>
                  {(item) => (
                    <tr classList={{ abnormal: !!item.result && item.result.flag !== 'NORMAL' }}>
                      <th scope="row">{item.testName}</th>
                      <td>{item.result ? `${item.result.value ?? item.result.text ?? ''} ${item.unit ?? ''}` : 'Pending'}</td>
                      <td>{item.referenceLow !== null && item.referenceHigh !== null ? `${item.referenceLow}–${item.referenceHigh}` : '—'}</td>
                      <td>{item.result ? RESULT_FLAG[item.result.flag] : ''}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </ScrollTable>
        )}
      </For>
    </Show>
  );
}
