import { useClient } from '@urql/solid';
import { FileButton } from '../downloads/FileButton.tsx';
import { CERTIFICATE_PDF } from './queries.ts';

/** Downloads an approved certificate as a PDF, fetched only when asked for. */
export function CertificatePdfButton(props: { id: string; label?: string }) {
  const client = useClient();
  const fetch = async () => {
    const result = await client.query(CERTIFICATE_PDF, { id: props.id }, { requestPolicy: 'network-only' }).toPromise();
    return { error: result.error, file: result.data?.certificate?.pdf };
  };
  return <FileButton label={props.label ?? 'Download PDF'} fetch={fetch} />;
}
