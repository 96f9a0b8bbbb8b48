import { createQuery } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { formatDateTime, humanize } from '../../lib/format.ts';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { LAB_WORKLIST, type WorklistOrder } from './queries.ts';
import { WorklistActions } from './WorklistActions.tsx';

const VIEWS: Record<string, { label: string; statuses: string[] }> = {
  open: { label: 'Everything open', statuses: ['ORDERED', 'COLLECTED', 'RECEIVED', 'RESULTED', 'VERIFIED'] },
  collect: { label: 'Awaiting collection', statuses: ['ORDERED'] },
  receive: { label: 'Awaiting receipt', statuses: ['COLLECTED'] },
  results: { label: 'Awaiting results', statuses: ['RECEIVED'] },
  verify: { label: 'Awaiting verification', statuses: ['RESULTED'] },
  release: { label: 'Awaiting release', statuses: ['VERIFIED'] },
};

/** A list of lab orders in some states, each with its next step. */
export function OrderList(props: { statuses: string[]; empty: string }) {
  const [result, refetch] = createQuery<{ labWorklist: WorklistOrder[] }>({ query: LAB_WORKLIST, variables: () => ({ statuses: props.statuses }) });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <button type="button" class="secondary" onClick={reload}>
        Refresh
      </button>
      <Loaded result={result} isEmpty={(d) => !d.labWorklist.length} empty={props.empty}>
        {(data) => (
          <ul class="cards">
            <For each={data().labWorklist}>
              {(order) => (
                <li class="card" data-lab-order={order.id}>
                  <h2>
                    {order.patient.displayName} <small>MRN {order.patient.mrn}</small>
                  </h2>
                  <p>
                    {humanize(order.status)}
                    {order.priority !== 'ROUTINE' ? ` · ${humanize(order.priority)}` : ''} · ordered {formatDateTime(order.orderedAt)} by{' '}
                    {order.orderingProvider.displayName}
                  </p>
                  <p>Tests: {order.items.map((i) => i.testName).join(', ')}</p>
                  <WorklistActions order={order} onDone={reload} />
                </li>
              )}
            </For>
          </ul>
        )}
      </Loaded>
    </>
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
