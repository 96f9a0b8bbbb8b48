import { useSearchParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { createSignal, type JSX, Show } from 'solid-js';
import { PatientPicker } from '../../features/patients/PatientPicker.tsx';
import { describeError, fieldLabel } from '../../lib/errors.ts';
import { type ResultOf, readFragment } from '../../lib/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { Status } from '../../ui/Status.tsx';
import { MergeComparison } from './MergeComparison.tsx';
import { MERGE_PATIENTS, MERGE_RECORD, MERGE_RECORD_FIELDS, type MergeRecord } from './merge-queries.ts';

type Merged = ResultOf<typeof MERGE_PATIENTS>['mergePatients'];

const ACCOUNT_OUTCOME: Record<Merged['account'], string> = {
  NONE: 'The merged record had no patient account.',
  RELINKED: 'Its patient account now signs in to the record kept.',
  DEACTIVATED: 'Its patient account was deactivated: the patient signs in with the account of the record kept.',
};

/** The survivor's details the API may fill from the merged record, as the screen names them. */
const COPIED: Record<string, string> = {
  phone: 'phone',
  email: 'e-mail',
  address: 'address',
  bloodGroup: 'blood group',
  registeredFacilityId: 'registration facility',
};
const copiedLabel = (field: string) => COPIED[field] ?? fieldLabel(field).toLowerCase();

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || null;

/** One of the two records: a search until a patient is picked, then the record as the API gives it. */
function useRecord(initial: string | null) {
  const [id, setId] = createSignal<string | null>(initial);
  const [result] = createQuery({ query: MERGE_RECORD, variables: () => ({ id: id() ?? '' }), pause: () => !id() });
  const record = (): MergeRecord | null => {
    const patient = result.data?.patient;
    return patient && id() ? readFragment(MERGE_RECORD_FIELDS, patient) : null;
  };
  return { id, setId, result, record };
}

function RecordSlot(props: { label: string; slot: ReturnType<typeof useRecord> }): JSX.Element {
  return (
    <div class="card">
      <h2>{props.label}</h2>
      <Show
        when={props.slot.id()}
        fallback={<PatientPicker selected={null} onSelect={(p) => props.slot.setId(p?.id ?? null)} label={`Find the ${props.label.toLowerCase()}`} />}
      >
        <Loaded result={props.slot.result}>
          {() => (
            <p class="chosen-patient">
              <strong>{props.slot.record()?.displayName}</strong> · {props.slot.record()?.mrn}{' '}
              <button type="button" class="link" onClick={() => props.slot.setId(null)}>
                Change patient
              </button>
            </p>
          )}
        </Loaded>
      </Show>
    </div>
  );
}

/**
 * Admins merge a duplicate patient record into the one kept: pick the two records (or come from the
 * registration warning with them chosen), compare them side by side, choose which to keep, give the
 * reason and confirm. The merged record becomes a tombstone; the services move its history to the survivor.
 */
export function MergePatients() {
  const [params] = useSearchParams();
  const first = useRecord(single(params.keep));
  const second = useRecord(single(params.merge));
  const [keepId, setKeepId] = createSignal<string | null>(single(params.keep));
  const [reason, setReason] = createSignal('');
  const [reasonError, setReasonError] = createSignal<string | null>(null);
  const [confirming, setConfirming] = createSignal(false);
  const [done, setDone] = createSignal<Merged | null>(null);
  const [state, merge] = createMutation(MERGE_PATIENTS);

  const pair = (): [MergeRecord, MergeRecord] | null => {
    const [a, b] = [first.record(), second.record()];
    return a && b && a.id !== b.id ? [a, b] : null;
  };
  const kept = () => pair()?.find((r) => r.id === (keepId() ?? pair()?.[0].id)) ?? null;
  const gone = () => pair()?.find((r) => r.id !== kept()?.id) ?? null;

  const review = (event: SubmitEvent) => {
    event.preventDefault();
    setDone(null);
    setReasonError(reason().trim() ? null : 'Say why these records are the same patient.');
    setConfirming(!!reason().trim());
  };
  const confirm = async () => {
    const [keep, mergeRecord] = [kept(), gone()];
    if (!keep || !mergeRecord) return;
    const result = await merge({ keepId: keep.id, mergeId: mergeRecord.id, reason: reason().trim() });
    setConfirming(false);
    if (!result.data) return;
    setDone(result.data.mergePatients);
    setReason('');
    first.setId(result.data.mergePatients.survivor.id);
    second.setId(null);
    setKeepId(result.data.mergePatients.survivor.id);
  };

  return (
    <section class="page" aria-labelledby="merge-title">
      <h1 id="merge-title">Merge patient records</h1>
      <p>
        When one person was registered twice, keep one record and merge the other into it. Visits, appointments, results and invoices move to the record kept.
      </p>
      <div class="row merge-records">
        <RecordSlot label="First record" slot={first} />
        <RecordSlot label="Second record" slot={second} />
      </div>
      <Show when={first.record() && first.id() === second.id()}>
        <p class="notice">Pick two different records.</p>
      </Show>
      <Show when={pair()}>
        {(records) => (
          <form onSubmit={review} aria-label="Merge the two records" novalidate>
            <MergeComparison records={records()} keepId={kept()?.id ?? ''} onKeep={(id) => setKeepId(id)} />
            <Field label="Reason" hint="Kept in the audit trail with the merge." error={reasonError() ?? describeError(state.error)?.fields.reason}>
              {(c) => <textarea {...c} rows={2} maxLength={500} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
            </Field>
            <ErrorNotice error={state.error} />
            <Show
              when={confirming()}
              fallback={
                <button type="submit" disabled={state.fetching}>
                  Merge…
                </button>
              }
            >
              <section class="notice" aria-label="Confirm the merge">
                <p>
                  Merge {gone()?.displayName} ({gone()?.mrn}) into {kept()?.displayName} ({kept()?.mrn})? The record {gone()?.mrn} is closed for good and
                  everything it holds moves to {kept()?.mrn}.
                </p>
                <button type="button" disabled={state.fetching} onClick={confirm}>
                  Confirm merge
                </button>{' '}
                <button type="button" class="link" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </section>
            </Show>
          </form>
        )}
      </Show>
      <Show when={done()}>
        {(d) => (
          <Status when={true}>
            Merged {d().merged.mrn} into {d().survivor.mrn}.{' '}
            {d().copiedFields.length ? `Copied to the record kept: ${d().copiedFields.map(copiedLabel).join(', ')}.` : 'Nothing needed copying.'}{' '}
            {ACCOUNT_OUTCOME[d().account]}
          </Status>
        )}
      </Show>
    </section>
  );
}
