import { A } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { useFacilityZone } from '../../features/facilities.ts';
import { LAB_ORDER_FIELDS } from '../../features/labs/fields.ts';
import { LabResults } from '../../features/labs/LabResults.tsx';
import { formatZonedDateTime } from '../../lib/format.ts';
import { graphql, type ResultOf } from '../../lib/graphql.ts';
import { listsOf } from '../../lib/lists.ts';
import type { Present } from '../../lib/unavailable.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loaded } from '../../ui/Loaded.tsx';

export const RESULTS_TO_REVIEW = graphql(
  `
  query ResultsToReview {
    labResultsToReview {
      ...LabOrderFields
      id status verifiedAt patientVisibleFrom
      patient { id displayName mrn }
      items { id result { flag } }
    }
  }
`,
  [LAB_ORDER_FIELDS],
);

export const MARK_SEEN = graphql(`
  mutation MarkLabResultsSeen($id: ID!) { markLabResultsSeen(id: $id) { id reviewedAt patientVisibleFrom } }
`);

type Order = Present<ResultOf<typeof RESULTS_TO_REVIEW>>['labResultsToReview'][number];

const CRITICAL = new Set(['CRITICAL_LOW', 'CRITICAL_HIGH']);
const severity = (o: Order) =>
  o.items.some((i) => i.result && CRITICAL.has(i.result.flag)) ? 2 : o.items.some((i) => i.result && i.result.flag !== 'NORMAL') ? 1 : 0;

/**
 * The doctor's results inbox: verified results of the orders they placed, critical first, then abnormal.
 * Marking an order seen clears it here and lets the patient see results held back for the doctor.
 */
export function ResultsInbox() {
  const [result] = createQuery({ query: RESULTS_TO_REVIEW, context: listsOf('LabOrder') });
  const sorted = (orders: readonly Order[]) => [...orders].sort((a, b) => severity(b) - severity(a));
  return (
    <section class="page wide" aria-labelledby="inbox-title">
      <h1 id="inbox-title">Results to review</h1>
      <Loaded result={result} isEmpty={(d) => !d.labResultsToReview.length} empty="No results waiting for you.">
        {(data) => (
          <ul class="cards">
            <For each={sorted(data().labResultsToReview)}>{(order) => <InboxItem order={order} />}</For>
          </ul>
        )}
      </Loaded>
    </section>
  );
}

function InboxItem(props: { order: Order }) {
  const zone = useFacilityZone();
  const [state, markSeen] = createMutation(MARK_SEEN);
  const level = () => severity(props.order);
  return (
    <li class="card" classList={{ critical: level() === 2, abnormal: level() === 1 }}>
      <h2>
        <A href={`/doctor/patients/${props.order.patient.id}`}>{props.order.patient.displayName}</A> <small>{props.order.patient.mrn}</small>{' '}
        <Show when={level() === 2}>
          <strong class="flag critical">Critical</strong>
        </Show>
        <Show when={level() === 1}>
          <strong class="flag abnormal">Abnormal</strong>
        </Show>
      </h2>
      <LabResults orders={[props.order]} />
      <p class="muted">
        Verified {props.order.verifiedAt ? formatZonedDateTime(props.order.verifiedAt, zone()) : ''}
        <Show when={props.order.patientVisibleFrom && Date.parse(props.order.patientVisibleFrom) > Date.now()}>
          {' '}
          · the patient sees it once you mark it seen, or from {formatZonedDateTime(props.order.patientVisibleFrom!, zone())}
        </Show>
      </p>
      <button type="button" onClick={() => markSeen({ id: props.order.id })} disabled={state.fetching}>
        {state.fetching ? 'Saving…' : 'Mark as seen'}
      </button>
      <ErrorNotice error={state.error} />
    </li>
  );
}
