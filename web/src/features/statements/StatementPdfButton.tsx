import type { CombinedError } from '@urql/core';
import { useClient } from '@urql/solid';
import { createSignal } from 'solid-js';
import { downloadBase64 } from '../../lib/download.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { STATEMENT_PDF } from './queries.ts';

/** Downloads a statement of account as a PDF handout, fetched only when asked for. */
export function StatementPdfButton(props: { patientId?: string; currency: string }) {
  const client = useClient();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<CombinedError | null>(null);
  const download = async () => {
    setBusy(true);
    const result = await client
      .query(STATEMENT_PDF, { patientId: props.patientId ?? null, currency: props.currency }, { requestPolicy: 'network-only' })
      .toPromise();
    setError(result.error ?? null);
    const statement = result.data?.patientStatement[0];
    if (statement) downloadBase64(`statement-${statement.currency.toLowerCase()}.pdf`, statement.pdfBase64);
    setBusy(false);
  };
  return (
    <>
      <button type="button" class="secondary" onClick={download} disabled={busy()}>
        {busy() ? 'Preparing…' : `Download ${props.currency} statement (PDF)`}
      </button>
      <ErrorNotice error={error()} />
    </>
  );
}
