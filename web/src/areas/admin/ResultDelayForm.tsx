import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import { graphql } from '../../lib/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';

export const SET_RESULT_DELAY = graphql(`
  mutation SetPatientResultDelay($facilityId: ID!, $hours: Int!) {
    setFacilityLabPolicy(facilityId: $facilityId, patientResultDelayHours: $hours) { id patientResultDelayHours }
  }
`);

/** How long a facility's abnormal results wait for the ordering doctor before the patient sees them anyway. */
export function ResultDelayForm(props: { facilityId: string; facilityName: string; hours: number }) {
  const [hours, setHours] = createSignal(String(props.hours));
  const [state, save] = createMutation(SET_RESULT_DELAY);
  const problem = () => describeError(state.error);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    save({ facilityId: props.facilityId, hours: Number(hours()) });
  };
  return (
    <form class="row" onSubmit={submit} aria-label={`Result delay at ${props.facilityName}`}>
      <Field label={`${props.facilityName}: hours an abnormal result waits for the doctor`} error={problem()?.fields.patientReleaseDelayHours}>
        {(c) => <input {...c} type="number" min="0" max="720" step="1" required value={hours()} onInput={(e) => setHours(e.currentTarget.value)} />}
      </Field>
      <button type="submit" disabled={state.fetching}>
        {state.fetching ? 'Saving…' : 'Save'}
      </button>
      <ErrorNotice error={state.error} />
    </form>
  );
}
