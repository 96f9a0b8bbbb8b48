import { useNavigate } from '@solidjs/router';
import { PatientPicker } from '../../features/patients/PatientPicker.tsx';

/** Find a patient and open their chart. */
export function FindPatient() {
  const navigate = useNavigate();
  return (
    <section class="page" aria-labelledby="find-title">
      <h1 id="find-title">Find a patient</h1>
      <PatientPicker selected={null} onSelect={(p) => p && navigate(`/doctor/patients/${p.id}`)} />
    </section>
  );
}
