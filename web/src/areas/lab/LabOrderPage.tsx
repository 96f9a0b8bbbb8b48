import { A, useParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { useFacilityZone } from '../../features/facilities.ts';
import { formatZonedDateTime } from '../../lib/format.ts';
import { LAB_ORDER_STATUS, ORDER_PRIORITY, RESULT_FLAG } from '../../lib/labels/clinical.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { OrderSteps } from './OrderSteps.tsx';
import { isAbnormal, LAB_ORDER, rangeText } from './queries.ts';
import { ResultEntryForm } from './ResultEntryForm.tsx';
import { ResultHistory } from './ResultHistory.tsx';

const ENTERABLE = ['RECEIVED', 'RESULTED', 'VERIFIED', 'RELEASED'];

/** One lab order: each test with its range, current result and flag, entry and correction, verify and release. */
export function LabOrderPage() {
  const zone = useFacilityZone();
  const params = useParams<{ id: string }>();
  const [result, refetch] = createQuery({ query: LAB_ORDER, variables: () => ({ id: params.id }) });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <section class="page" aria-labelledby="lab-order-title">
      <A href="/lab">Back to the worklist</A>
      <Loaded result={result}>
        {(data) => {
          const order = () => data().labOrder;
          return (
            <>
              <h1 id="lab-order-title">
                {order().patient.displayName} <small>MRN {order().patient.mrn}</small>
              </h1>
              <p>
                {LAB_ORDER_STATUS[order().status]} · {ORDER_PRIORITY[order().priority]} · ordered {formatZonedDateTime(order().orderedAt, zone())} by{' '}
                {order().orderingProvider.displayName}
                {order().specimen ? ` · specimen ${order().specimen}` : ''}
              </p>
              <Show when={order().clinicalInfo}>
                <p>Clinical info: {order().clinicalInfo}</p>
              </Show>
              <Show when={order().status === 'RELEASED'}>
                <p class="notice">
                  Released{order().releasedAt ? ` ${formatZonedDateTime(order().releasedAt!, zone())}` : ''}. A correction sends it back for verification.
                </p>
              </Show>
              <ScrollTable label="Tests of this order">
                <table class="lab-order">
                  <thead>
                    <tr>
                      <th scope="col">Test</th>
                      <th scope="col">Result</th>
                      <th scope="col">Reference</th>
                      <th scope="col">Flag</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={order().items}>
                      {(item) => (
                        <tr classList={{ abnormal: !!item.result && isAbnormal(item.result.flag) }} data-item={item.id}>
                          <th scope="row">{item.testName}</th>
                          <td>{item.result ? `${item.result.value ?? item.result.text ?? ''} ${item.unit ?? ''}` : 'Pending'}</td>
                          <td>{rangeText(item)}</td>
                          <td>{item.result ? RESULT_FLAG[item.result.flag] : ''}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </ScrollTable>
              <Show when={ENTERABLE.includes(order().status)}>
                <For each={order().items}>
                  {(item) => (
                    <div class="card">
                      <ResultEntryForm item={item} onSaved={reload} />
                      <ResultHistory item={item} />
                    </div>
                  )}
                </For>
              </Show>
              <OrderSteps orderId={order().id} status={order().status} onDone={reload} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
