import { useClient } from '@urql/solid';
import { FileButton } from '../downloads/FileButton.tsx';
import { DOCUMENT_CONTENT } from './queries.ts';

/** Saves an uploaded document as a file (never shown inline: it came from outside), fetched only when asked for. */
export function DocumentDownloadButton(props: { id: string; title: string }) {
  const client = useClient();
  const fetch = async () => {
    const result = await client.query(DOCUMENT_CONTENT, { id: props.id }, { requestPolicy: 'network-only' }).toPromise();
    return { error: result.error, file: result.data?.document?.content };
  };
  return <FileButton label="Download" name={`Download ${props.title}`} fetch={fetch} />;
}
