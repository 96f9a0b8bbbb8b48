import { For, Show } from 'solid-js';
import { formatDateTime, humanize } from '../../lib/format.ts';
import type { LabOrderInfo } from './fields.ts';

/** Lab orders and their current results, abnormal flags spelled out. */
export function LabResults(props: { orders: LabOrderInfo[] }) {
  return (
    <Show when={props.orders.length} fallback={<p class="empty">No lab orders.</p>}>
      <For each={props.orders}>
        {(order) => (
          <table class="lab-order">
            <caption>
              Ordered {formatDateTime(order.orderedAt)} · {humanize(order.status)}
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
                    <td>{item.result ? humanize(item.result.flag) : ''}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        )}
      </For>
    </Show>
  );
}
