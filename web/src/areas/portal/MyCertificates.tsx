import { createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { CertificatePdfButton } from '../../features/certificates/CertificatePdfButton.tsx';
import { CertificateSummary } from '../../features/certificates/CertificateSummary.tsx';
import { useFacilityChoice } from '../../features/facilities.ts';
import { useApp } from '../../lib/app-context.ts';
import { Available } from '../../ui/Available.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { MY_CERTIFICATES } from './certificate-queries.ts';
import { RequestCertificateForm } from './RequestCertificateForm.tsx';

/** The patient's certificates: what they asked for, what the doctor decided, and the PDF once approved. */
export function MyCertificates() {
  const { session } = useApp();
  const place = useFacilityChoice();
  const [result, refetch] = createQuery({ query: MY_CERTIFICATES, variables: () => ({ id: session.account()?.patientId ?? '' }) });
  return (
    <section class="page" aria-labelledby="certificates-title">
      <h1 id="certificates-title">My certificates</h1>
      <Loaded result={result} isEmpty={(d) => d.patient.certificates?.length === 0} empty="You have no certificates yet.">
        {(data) => (
          <Available value={data().patient.certificates} what="Your certificates are">
            {(certificates) => (
              <ul class="cards" aria-label="Certificates">
                <For each={certificates()}>
                  {(c) => (
                    <li class="card">
                      <CertificateSummary certificate={c} timeZone={place.facility()?.timezone} />
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
      <RequestCertificateForm today={place.today()} onRequested={() => refetch({ requestPolicy: 'network-only' })} />
    </section>
  );
}
