import { createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { CertificateSummary } from '../../features/certificates/CertificateSummary.tsx';
import { useFacilityChoice } from '../../features/facilities.ts';
import { PatientPicker, type PatientSummary } from '../../features/patients/PatientPicker.tsx';
import { formatDate } from '../../lib/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { CertificateDecision } from './CertificateDecision.tsx';
import { PENDING_CERTIFICATES } from './certificate-queries.ts';
import { PatientCertificateList } from './PatientCertificateList.tsx';

/** The doctor's certificate desk: patients' requests waiting for a decision, and issuing one from a template. */
export function Certificates() {
  const place = useFacilityChoice();
  const zone = () => place.facility()?.timezone;
  const [queue, refetch] = createQuery({ query: PENDING_CERTIFICATES });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [patient, setPatient] = createSignal<PatientSummary | null>(null);
  return (
    <section class="page wide" aria-labelledby="certificates-title">
      <h1 id="certificates-title">Certificates</h1>
      <section class="card" aria-labelledby="queue-title">
        <h2 id="queue-title">Requests waiting for a decision</h2>
        <Loaded result={queue} isEmpty={(d) => !d.pendingCertificateRequests.length} empty="No requests are waiting.">
          {(data) => (
            <ul class="cards">
              <For each={data().pendingCertificateRequests}>
                {(c) => (
                  <li class="card" aria-label={`${c.title} for ${c.patient.displayName}`}>
                    <p>
                      <strong>{c.patient.displayName}</strong> · MRN {c.patient.mrn} · born {formatDate(c.patient.dateOfBirth)}
                    </p>
                    <CertificateSummary certificate={c} timeZone={zone()} />
                    <CertificateDecision id={c.id} onDecided={reload} />
                  </li>
                )}
              </For>
            </ul>
          )}
        </Loaded>
      </section>
      <section class="card" aria-labelledby="issue-title">
        <h2 id="issue-title">Issue a certificate</h2>
        <PatientPicker selected={patient()} onSelect={setPatient} />
        <Show when={patient()} keyed>
          {(p) => <PatientCertificateList patientId={p.id} today={place.today()} timeZone={zone()} />}
        </Show>
      </section>
    </section>
  );
}
