import { createQuery } from '@urql/solid';
import { DocumentList } from '../../features/documents/DocumentList.tsx';
import { PATIENT_DOCUMENTS } from '../../features/documents/queries.ts';
import { useFacilityChoice } from '../../features/facilities.ts';
import { useApp } from '../../lib/app-context.ts';
import { Available } from '../../ui/Available.tsx';
import { Loaded } from '../../ui/Loaded.tsx';

/** The documents the clinic keeps on the patient's record (reports, letters, consent forms, images), to download. */
export function MyDocuments() {
  const { session } = useApp();
  const place = useFacilityChoice();
  const [result] = createQuery({ query: PATIENT_DOCUMENTS, variables: () => ({ id: session.account()?.patientId ?? '' }) });
  return (
    <section class="page" aria-labelledby="documents-title">
      <h1 id="documents-title">My documents</h1>
      <Loaded result={result}>
        {(data) => (
          <Available value={data().patient.documents} what="Your documents are">
            {(documents) => <DocumentList documents={documents()} timeZone={place.facility()?.timezone} empty="The clinic has no documents on your record." />}
          </Available>
        )}
      </Loaded>
    </section>
  );
}
