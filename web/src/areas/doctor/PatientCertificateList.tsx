import { createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { CertificatePdfButton } from '../../features/certificates/CertificatePdfButton.tsx';
import { CertificateSummary } from '../../features/certificates/CertificateSummary.tsx';
import { Available } from '../../ui/Available.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { PATIENT_CERTIFICATES } from './certificate-queries.ts';
import { IssueCertificateForm } from './IssueCertificateForm.tsx';

/** One patient's certificates (newest decisions with their PDF) and the form to issue another. */
export function PatientCertificateList(props: { patientId: string; encounterId?: string; today: string; timeZone?: string; editable?: boolean }) {
  const [result, refetch] = createQuery({ query: PATIENT_CERTIFICATES, variables: () => ({ id: props.patientId }) });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <Loaded result={result} isEmpty={(d) => d.patient.certificates?.length === 0} empty="No certificates yet.">
        {(data) => (
          <Available value={data().patient.certificates} what="Certificates are">
            {(certificates) => (
              <ul class="cards" aria-label="Certificates">
                <For each={certificates()}>
                  {(c) => (
                    <li class="card">
                      <CertificateSummary certificate={c} timeZone={props.timeZone} />
                      <Show when={c.status === 'APPROVED'}>
                        <CertificatePdfButton id={c.id} />
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            )}
          </Available>
        )}
      </Loaded>
      <Show when={props.editable ?? true}>
        <IssueCertificateForm patientId={props.patientId} encounterId={props.encounterId} today={props.today} onIssued={reload} />
      </Show>
    </>
  );
}
