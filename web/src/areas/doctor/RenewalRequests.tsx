import { A } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { useFacilityZone } from '../../features/facilities.ts';
import { formatZonedDateTime } from '../../lib/format.ts';
import { graphql, type ResultOf } from '../../lib/graphql.ts';
import { RENEWAL_KIND } from '../../lib/labels/clinical.ts';
import { listsOf } from '../../lib/lists.ts';
import { refetchWhileOpen } from '../../lib/refetch.ts';
import type { Present } from '../../lib/unavailable.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';

export const PENDING_RENEWALS = graphql(`
  query PendingRenewals {
    pendingRenewalRequests {
      id kind patientNote requestedAt
      prescription { id patient { id displayName } items { medicineName dose frequency } }
    }
  }
`);

export const DECIDE_RENEWAL = graphql(`
  mutation DecideRenewal($requestId: ID!, $approve: Boolean!, $note: String) {
    decideRenewalRequest(requestId: $requestId, approve: $approve, note: $note) { id status newPrescription { id encounter { id } } }
  }
`);

type RenewalRequest = Present<ResultOf<typeof PENDING_RENEWALS>>['pendingRenewalRequests'][number];

/** Patients' refill and renewal requests waiting for this doctor: approve (a draft to finalise) or decline with a note. */
export function RenewalRequests() {
  const [result, refetch] = createQuery({ query: PENDING_RENEWALS, context: listsOf('RenewalRequest') });
  // Patients ask from the portal: nothing on this screen hears of it, so it re-reads the list.
  refetchWhileOpen(() => refetch({ requestPolicy: 'network-only' }));
  const [approved, setApproved] = createSignal<Approved | null>(null);
  return (
    <>
      <Show when={approved()}>
        {(rx) => (
          <p role="status">
            Approved. <A href={`/doctor/encounters/${rx().encounter.id}`}>Review and finalise the new draft</A>
          </p>
        )}
      </Show>
      <Loaded result={result} isEmpty={(d) => !d.pendingRenewalRequests.length} empty="No refill or renewal requests.">
        {(data) => (
          <ul class="cards">
            <For each={data().pendingRenewalRequests}>{(r) => <RequestCard request={r} onApproved={setApproved} />}</For>
          </ul>
        )}
      </Loaded>
    </>
  );
}

/** The new draft an approval made; shown above the list, since the decided request leaves it. */
type Approved = NonNullable<ResultOf<typeof DECIDE_RENEWAL>['decideRenewalRequest']['newPrescription']>;

function RequestCard(props: { request: RenewalRequest; onApproved: (rx: Approved) => void }) {
  const zone = useFacilityZone();
  const [note, setNote] = createSignal('');
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const [state, decide] = createMutation(DECIDE_RENEWAL);
  const decline = () => {
    setInvalid(note().trim() ? null : 'Say why, for the patient.');
    if (note().trim()) void decide({ requestId: props.request.id, approve: false, note: note().trim() });
  };
  return (
    <li class="card">
      <p>
        <strong>{props.request.prescription.patient.displayName}</strong> asks for a {RENEWAL_KIND[props.request.kind].toLowerCase()} of{' '}
        {props.request.prescription.items.map((i) => `${i.medicineName} ${i.dose} ${i.frequency}`).join('; ')} ·{' '}
        {formatZonedDateTime(props.request.requestedAt, zone())}
      </p>
      {props.request.patientNote ? <p>“{props.request.patientNote}”</p> : null}
      <Field label="Note (needed to decline)" error={invalid()}>
        {(c) => <input {...c} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      <button
        type="button"
        onClick={async () => {
          const result = await decide({ requestId: props.request.id, approve: true, note: note().trim() || null });
          const rx = result.data?.decideRenewalRequest.newPrescription;
          if (rx) props.onApproved(rx);
        }}
        disabled={state.fetching}
      >
        Approve
      </button>
      <button type="button" class="secondary" onClick={decline} disabled={state.fetching}>
        Decline
      </button>
      <ErrorNotice error={state.error} />
    </li>
  );
}
