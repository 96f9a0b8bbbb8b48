import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { useFacilityChoice } from '../../features/facilities.ts';
import { PatientPicker, type PatientSummary } from '../../features/patients/PatientPicker.tsx';
import { RegisterPatientForm } from '../../features/patients/RegisterPatientForm.tsx';
import { formatDate } from '../../lib/format.ts';

/** Find a patient, or register a new one. */
export function Patients() {
  const place = useFacilityChoice();
  const [patient, setPatient] = createSignal<PatientSummary | null>(null);
  return (
    <section class="page" aria-labelledby="patients-title">
      <h1 id="patients-title">Patients</h1>
      <PatientPicker selected={patient()} onSelect={setPatient} label="Find a patient" />
      <Show when={patient()}>
        {(p) => (
          <div class="card">
            <h2>{p().displayName}</h2>
            <p>
              MRN {p().mrn} · born {formatDate(p().dateOfBirth)} · {p().phone ?? 'no phone'}
            </p>
            <A href={`/reception/book?patient=${p().id}`} class="button">
              Book an appointment
            </A>
          </div>
        )}
      </Show>
      <RegisterPatientForm facilityId={place.facility()?.id} onRegistered={setPatient} onOpenExisting={setPatient} />
    </section>
  );
}
