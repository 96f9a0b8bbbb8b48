import { createQuery, createSubscription } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { useFacilityZone } from '../../features/facilities.ts';
import { formatZonedDateTime } from '../../lib/format.ts';
import { readFragment } from '../../lib/graphql.ts';
import { LAB_ORDER_STATUS, ORDER_PRIORITY } from '../../lib/labels/clinical.ts';
import { createLiveList } from '../../lib/live-list.ts';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { LAB_ORDER_CHANGED, LAB_WORKLIST, WORKLIST_ORDER_FIELDS, type WorklistOrder } from './queries.ts';
import { WorklistActions } from './WorklistActions.tsx';

const VIEWS: Record<string, { label: string; statuses: WorklistOrder['status'][] }> = {
  open: { label: 'Everything open', statuses: ['ORDERED', 'COLLECTED', 'RECEIVED', 'RESULTED', 'VERIFIED'] },
  collect: { label: 'Awaiting collection', statuses: ['ORDERED'] },
  receive: { label: 'Awaiting receipt', statuses: ['COLLECTED'] },
  results: { label: 'Awaiting results', statuses: ['RECEIVED'] },
  verify: { label: 'Awaiting verification', statuses: ['RESULTED'] },
  release: { label: 'Awaiting release', statuses: ['VERIFIED'] },
};

const oldestFirst = (a: WorklistOrder, b: WorklistOrder) => a.orderedAt.localeCompare(b.orderedAt);

/**
 * A list of lab orders in some states, each with its next step, kept current by lab_order.changed:
 * a new order, a collection, a receipt or a result moves orders in and out without a refresh.
 */
export function OrderList(props: { statuses: WorklistOrder['status'][]; empty: string }) {
  const zone = useFacilityZone();
  const [result] = createQuery({ query: LAB_WORKLIST, variables: () => ({ statuses: props.statuses }) });
  const orders = createLiveList<WorklistOrder>(
    () => (result.data?.labWorklist ? readFragment(WORKLIST_ORDER_FIELDS, result.data.labWorklist) : undefined),
    (order) => props.statuses.includes(order.status),
    oldestFirst,
  );
  createSubscription({ query: LAB_ORDER_CHANGED }, (_previous, data) => {
    orders.apply(readFragment(WORKLIST_ORDER_FIELDS, data.labOrderChanged.labOrder));
    return data;
  });
  return (
    <Loaded result={result} isEmpty={() => !orders.items().length} empty={props.empty}>
      {() => (
        <ul class="cards">
          <For each={orders.items()}>
            {(order) => (
              <li class="card" data-lab-order={order.id}>
                <h2>
                  {order.patient.displayName} <small>MRN {order.patient.mrn}</small>
                </h2>
                <p>
                  {LAB_ORDER_STATUS[order.status]}
                  {order.priority !== 'ROUTINE' ? ` · ${ORDER_PRIORITY[order.priority]}` : ''} · ordered {formatZonedDateTime(order.orderedAt, zone())} by{' '}
                  {order.orderingProvider.displayName}
                </p>
                <p>Tests: {order.items.map((i) => i.testName).join(', ')}</p>
                <WorklistActions order={order} />
              </li>
            )}
          </For>
        </ul>
      )}
    </Loaded>
  );
}

/** The lab's worklist: orders awaiting collection, receipt, results, verification or release. */
export function Worklist() {
  const [view, setView] = createSignal('open');
  return (
    <section class="page" aria-labelledby="lab-worklist-title">
      <h1 id="lab-worklist-title">Lab worklist</h1>
      <Field label="Show">
        {(c) => (
          <select {...c} value={view()} onChange={(e) => setView(e.currentTarget.value)}>
            <For each={Object.entries(VIEWS)}>{([key, v]) => <option value={key}>{v.label}</option>}</For>
          </select>
        )}
      </Field>
      <OrderList statuses={VIEWS[view()]!.statuses} empty="No orders waiting here." />
    </section>
  );
}

/** Orders already released to the doctor and patient, where corrections start. */
export function ReleasedOrders() {
  return (
    <section class="page" aria-labelledby="lab-released-title">
      <h1 id="lab-released-title">Released results</h1>
      <OrderList statuses={['RELEASED']} empty="Nothing released yet." />
    </section>
  );
}
