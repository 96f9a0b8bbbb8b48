import { createQuery } from '@urql/solid';
import { DocumentList } from '../../features/documents/DocumentList.tsx';
import { PATIENT_DOCUMENTS } from '../../features/documents/queries.ts';
import { useFacilityChoice } from '../../features/facilities.ts';
import { Available } from '../../ui/Available.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { UploadDocumentForm } from './UploadDocumentForm.tsx';

/** The documents on a patient's chart: the list with downloads, and uploading another. */
export function PatientDocuments(props: { patientId: string }) {
  const place = useFacilityChoice();
  const [result, refetch] = createQuery({ query: PATIENT_DOCUMENTS, variables: () => ({ id: props.patientId }) });
  return (
    <section class="card" aria-labelledby="documents-title">
      <h2 id="documents-title">Documents</h2>
      <Loaded result={result}>
        {(data) => (
          <Available value={data().patient.documents} what="Documents are">
            {(documents) => <DocumentList documents={documents()} timeZone={place.facility()?.timezone} empty="No documents yet." />}
          </Available>
        )}
      </Loaded>
      <UploadDocumentForm patientId={props.patientId} onUploaded={() => refetch({ requestPolicy: 'network-only' })} />
    </section>
  );
}
