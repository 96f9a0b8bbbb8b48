import { createSignal, Show } from 'solid-js';
import { PatientPicker, type PatientSummary } from '../../features/patients/PatientPicker.tsx';
import { StatementView } from '../../features/statements/StatementView.tsx';

/** Pick a patient and read their statement. */
export function Statement() {
  const [patient, setPatient] = createSignal<PatientSummary | null>(null);
  return (
    <section class="page wide" aria-labelledby="statement-title">
      <h1 id="statement-title">Patient statement</h1>
      <PatientPicker selected={patient()} onSelect={setPatient} />
      <Show when={patient()}>{(p) => <StatementView patientId={p().id} />}</Show>
    </section>
  );
}
