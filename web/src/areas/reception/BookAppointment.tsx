import { A, useSearchParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { createEffect, createSignal, Show } from 'solid-js';
import { BookingForm } from '../../features/booking/BookingForm.tsx';
import { FacilitySelect } from '../../features/FacilitySelect.tsx';
import { useFacilityChoice } from '../../features/facilities.ts';
import { PATIENT_SUMMARY_FIELDS, PatientPicker, type PatientSummary } from '../../features/patients/PatientPicker.tsx';
import { graphql, readFragment } from '../../lib/graphql.ts';

export const PATIENT_SUMMARY = graphql(
  `
  query PatientSummary($id: ID!) {
    patient(id: $id) { ...PatientSummaryFields }
  }
`,
  [PATIENT_SUMMARY_FIELDS],
);

/** Reception books for a patient: find them (or arrive with ?patient=<id>), then a free time. */
export function BookAppointment() {
  const place = useFacilityChoice();
  const [params] = useSearchParams<{ patient?: string }>();
  const [patient, setPatient] = createSignal<PatientSummary | null>(null);
  const [given] = createQuery({
    query: PATIENT_SUMMARY,
    variables: () => ({ id: params.patient ?? '' }),
    pause: () => !params.patient,
  });
  createEffect(() => {
    if (given.data && !patient()) setPatient(readFragment(PATIENT_SUMMARY_FIELDS, given.data.patient));
  });
  return (
    <section class="page" aria-labelledby="book-title">
      <h1 id="book-title">Book an appointment</h1>
      <FacilitySelect facilities={place.facilities()} value={place.facility()?.id} onChange={place.choose} />
      <PatientPicker selected={patient()} onSelect={setPatient} />
      <p class="muted">
        Not registered yet? <A href="/reception/patients">Register the patient</A>
      </p>
      <Show when={place.facility()}>{(facility) => <BookingForm facility={facility()} today={place.today()} staff patientId={patient()?.id} />}</Show>
    </section>
  );
}
