import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { useFacilityZone } from '../../features/facilities.ts';
import { PrescriptionPdfButton } from '../../features/prescriptions/PrescriptionPdfButton.tsx';
import { useApp } from '../../lib/app-context.ts';
import { formatDate, formatZonedDateTime } from '../../lib/format.ts';
import { graphql, type ResultOf, type VariablesOf } from '../../lib/graphql.ts';
import { PRESCRIPTION_STATUS, RENEWAL_KIND, REQUEST_STATUS } from '../../lib/labels/clinical.ts';
import type { Present } from '../../lib/unavailable.ts';
import { Available } from '../../ui/Available.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { Status } from '../../ui/Status.tsx';

export const MY_PRESCRIPTIONS = graphql(`
  query MyPrescriptions($id: ID!) {
    patient(id: $id) {
      id
      prescriptions {
        id status validUntil finalisedAt
        prescriber { displayName }
        items { id medicineName dose frequency durationDays quantity refills refillsUsed instructions }
        renewalRequests { id kind status requestedAt decisionNote }
      }
    }
  }
`);

export const REQUEST_RENEWAL = graphql(`
  mutation RequestRenewal($prescriptionId: ID!, $kind: RenewalKind!, $note: String) {
    requestPrescriptionRenewal(prescriptionId: $prescriptionId, kind: $kind, note: $note) { id kind status requestedAt }
  }
`);

type MyPrescription = NonNullable<Present<ResultOf<typeof MY_PRESCRIPTIONS>>['patient']['prescriptions']>[number];
type RenewalKind = VariablesOf<typeof REQUEST_RENEWAL>['kind'];

/** The patient's prescriptions, and asking the doctor for a refill or a new course. */
export function MyPrescriptions() {
  const { session } = useApp();
  const [result] = createQuery({
    query: MY_PRESCRIPTIONS,
    variables: () => ({ id: session.account()?.patientId ?? '' }),
  });
  return (
    <section class="page" aria-labelledby="rx-title">
      <h1 id="rx-title">My prescriptions</h1>
      <Loaded result={result} isEmpty={(d) => d.patient.prescriptions?.length === 0} empty="You have no prescriptions.">
        {(data) => (
          <Available value={data().patient.prescriptions} what="Your prescriptions are">
            {(prescriptions) => (
              <ul class="cards">
                <For each={prescriptions()}>{(rx) => <PrescriptionCard rx={rx} />}</For>
              </ul>
            )}
          </Available>
        )}
      </Loaded>
    </section>
  );
}

function PrescriptionCard(props: { rx: MyPrescription }) {
  const zone = useFacilityZone();
  const [kind, setKind] = createSignal<RenewalKind>('REFILL');
  const [note, setNote] = createSignal('');
  const [state, request] = createMutation(REQUEST_RENEWAL);
  const refillsLeft = () => props.rx.items.some((i) => i.refills > i.refillsUsed);
  const pending = () => props.rx.renewalRequests.some((r) => r.status === 'PENDING');
  return (
    <li class="card">
      <h2>
        {props.rx.items.map((i) => i.medicineName).join(', ')} <small>{PRESCRIPTION_STATUS[props.rx.status]}</small>
      </h2>
      <ul>
        <For each={props.rx.items}>
          {(i) => (
            <li>
              {i.medicineName}: {i.dose}, {i.frequency}, {i.durationDays} days{i.instructions ? ` — ${i.instructions}` : ''} · refills used {i.refillsUsed} of{' '}
              {i.refills}
            </li>
          )}
        </For>
      </ul>
      <p class="muted">
        By {props.rx.prescriber.displayName} · valid until {formatDate(props.rx.validUntil)}
      </p>
      <Show when={props.rx.status !== 'DRAFT' && props.rx.status !== 'CANCELLED'}>
        <PrescriptionPdfButton id={props.rx.id} />
      </Show>
      <For each={props.rx.renewalRequests}>
        {(r) => (
          <p>
            {RENEWAL_KIND[r.kind]} requested {formatZonedDateTime(r.requestedAt, zone())}: {REQUEST_STATUS[r.status]}
            {r.decisionNote ? ` — ${r.decisionNote}` : ''}
          </p>
        )}
      </For>
      <Show when={!pending() && props.rx.status !== 'CANCELLED'}>
        <form
          class="row"
          aria-label="Ask for more"
          onSubmit={(e) => {
            e.preventDefault();
            void request({ prescriptionId: props.rx.id, kind: kind(), note: note().trim() || null });
          }}
        >
          <Field label="Ask for">
            {(c) => (
              <select {...c} value={kind()} onChange={(e) => setKind(e.currentTarget.value as RenewalKind)}>
                <option value="REFILL" disabled={!refillsLeft()}>
                  A refill{refillsLeft() ? '' : ' (none left)'}
                </option>
                <option value="RENEWAL">A new course</option>
              </select>
            )}
          </Field>
          <Field label="Note for the doctor (optional)">{(c) => <input {...c} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />}</Field>
          <button type="submit" disabled={state.fetching}>
            Send request
          </button>
        </form>
      </Show>
      <ErrorNotice error={state.error} />
      <Status when={state.data}>Request sent. Your doctor will decide.</Status>
    </li>
  );
}
