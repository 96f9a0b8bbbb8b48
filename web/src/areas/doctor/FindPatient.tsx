import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { PatientPicker } from '../../features/patients/PatientPicker.tsx';
import { EmergencyAccessForm } from './EmergencyAccessForm.tsx';

/** Find a patient and open their chart; when none of one's facilities has them, emergency access (break-the-glass). */
export function FindPatient() {
  const navigate = useNavigate();
  const [emergency, setEmergency] = createSignal<string | null>(null);
  const open = (id: string) => navigate(`/doctor/patients/${id}`);
  return (
    <section class="page" aria-labelledby="find-title">
      <h1 id="find-title">Find a patient</h1>
      <Show
        when={emergency() !== null}
        fallback={
          <PatientPicker
            selected={null}
            onSelect={(p) => p && open(p.id)}
            noMatch={(search) => (
              <button type="button" class="secondary" onClick={() => setEmergency(search)}>
                Emergency access…
              </button>
            )}
          />
        }
      >
        <EmergencyAccessForm search={emergency()!} onOpened={open} onCancel={() => setEmergency(null)} />
      </Show>
    </section>
  );
}
