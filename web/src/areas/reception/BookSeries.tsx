import { createSignal, Show } from 'solid-js';
import { FacilitySelect } from '../../features/FacilitySelect.tsx';
import { useFacilityChoice } from '../../features/facilities.ts';
import { PatientPicker, type PatientSummary } from '../../features/patients/PatientPicker.tsx';
import { SeriesForm } from './SeriesForm.tsx';

/** Reception books a weekly or fortnightly series for a patient (physiotherapy, dressings, injections). */
export function BookSeries() {
  const place = useFacilityChoice();
  const [patient, setPatient] = createSignal<PatientSummary | null>(null);
  return (
    <section class="page" aria-labelledby="series-title">
      <h1 id="series-title">Book a recurring series</h1>
      <FacilitySelect facilities={place.facilities()} value={place.facility()?.id} onChange={place.choose} />
      <PatientPicker selected={patient()} onSelect={setPatient} />
      <Show when={place.facility()}>{(facility) => <SeriesForm facility={facility()} today={place.today()} patientId={patient()?.id ?? null} />}</Show>
    </section>
  );
}
