import { useClient } from '@urql/solid';
import { graphql } from '../../lib/graphql.ts';
import { FileButton } from '../downloads/FileButton.tsx';

export const PRESCRIPTION_PDF = graphql(`
  query PrescriptionPdf($id: ID!) {
    prescription(id: $id) { id pdf { filename contentType contentBase64 } }
  }
`);

/** Downloads a finalised prescription as the PDF a pharmacy accepts, fetched only when asked for. */
export function PrescriptionPdfButton(props: { id: string }) {
  const client = useClient();
  const fetch = async () => {
    const result = await client.query(PRESCRIPTION_PDF, { id: props.id }, { requestPolicy: 'network-only' }).toPromise();
    return { error: result.error, file: result.data?.prescription?.pdf };
  };
  return <FileButton label="Download prescription (PDF)" fetch={fetch} />;
}
