import { createMutation } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { useFacilityZone } from '../../features/facilities.ts';
import { LAB_ORDER_FIELDS } from '../../features/labs/fields.ts';
import { formatZonedDateTime } from '../../lib/format.ts';
import { type FragmentOf, graphql, readFragment } from '../../lib/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';

export const CANCEL_LAB_ORDER = graphql(`
  mutation CancelLabOrder($id: ID!) {
    cancelLabOrder(id: $id) { id status }
  }
`);

/** Lab orders the lab has not resulted yet; only these can be cancelled. */
const CANCELLABLE = ['ORDERED', 'COLLECTED', 'RECEIVED'];

/** Cancels one lab order, after a second click to confirm. */
function CancelLabOrderButton(props: { orderId: string; label: string; onCancelled?: () => void }) {
  const [confirming, setConfirming] = createSignal(false);
  const [state, cancel] = createMutation(CANCEL_LAB_ORDER);
  const confirm = async () => {
    const result = await cancel({ id: props.orderId });
    setConfirming(false);
    if (result.data) props.onCancelled?.();
  };
  return (
    <>
      <Show
        when={confirming()}
        fallback={
          <button type="button" class="secondary" aria-label={`Cancel order: ${props.label}`} onClick={() => setConfirming(true)}>
            Cancel order
          </button>
        }
      >
        <button type="button" class="danger" onClick={confirm} disabled={state.fetching}>
          Cancel {props.label}
        </button>{' '}
        <button type="button" class="secondary" onClick={() => setConfirming(false)}>
          Keep the order
        </button>
      </Show>
      <ErrorNotice error={state.error} />
    </>
  );
}

/** The encounter's lab orders that can still be cancelled (not resulted yet), each with its cancel button. */
export function CancelLabOrders(props: { orders: readonly FragmentOf<typeof LAB_ORDER_FIELDS>[]; onCancelled?: () => void }) {
  const zone = useFacilityZone();
  const open = () => readFragment(LAB_ORDER_FIELDS, props.orders).filter((o) => CANCELLABLE.includes(o.status));
  return (
    <Show when={open().length}>
      <ul aria-label="Lab orders not yet resulted">
        <For each={open()}>
          {(order) => {
            const label = () => order.items.map((i) => i.testName).join(', ');
            return (
              <li>
                {label()} · ordered {formatZonedDateTime(order.orderedAt, zone())}{' '}
                <CancelLabOrderButton orderId={order.id} label={label()} onCancelled={props.onCancelled} />
              </li>
            );
          }}
        </For>
      </ul>
    </Show>
  );
}
