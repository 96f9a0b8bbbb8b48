import { useClient } from '@urql/solid';
import { FileButton } from '../downloads/FileButton.tsx';
import { STATEMENT_PDF } from './queries.ts';

/** Downloads a statement of account as a PDF handout, fetched only when asked for. */
export function StatementPdfButton(props: { patientId?: string; currency: string }) {
  const client = useClient();
  const fetch = async () => {
    const result = await client
      .query(STATEMENT_PDF, { patientId: props.patientId ?? null, currency: props.currency }, { requestPolicy: 'network-only' })
      .toPromise();
    const statement = result.data?.patientStatement?.[0];
    return {
      error: result.error,
      file: statement && { filename: `statement-${statement.currency.toLowerCase()}.pdf`, contentType: 'application/pdf', contentBase64: statement.pdfBase64 },
    };
  };
  return <FileButton label={`Download ${props.currency} statement (PDF)`} fetch={fetch} />;
}
