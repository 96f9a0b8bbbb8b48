import { useClient } from '@urql/solid';
import { FileButton } from '../../features/downloads/FileButton.tsx';
import { MY_RECORD_PDF } from './record-queries.ts';

/** Downloads the patient's own record as a PDF (read as the patient, so it holds only what they may see). */
export function RecordPdfButton(props: { patientId: string }) {
  const client = useClient();
  const fetch = async () => {
    const result = await client.query(MY_RECORD_PDF, { patientId: props.patientId }, { requestPolicy: 'network-only' }).toPromise();
    return { error: result.error, file: result.data?.patientRecordPdf };
  };
  return <FileButton label="Download my record (PDF)" fetch={fetch} />;
}
