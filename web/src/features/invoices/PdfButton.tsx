import type { CombinedError } from '@urql/core';
import { useClient } from '@urql/solid';
import { createSignal } from 'solid-js';
import { downloadBase64 } from '../../lib/download.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { INVOICE_PDF, RECEIPT_PDF } from './fields.ts';

/** Downloads an invoice or a payment receipt as a PDF, fetched only when asked for. */
export function PdfButton(props: { kind: 'invoice' | 'receipt'; id: string; label: string }) {
  const client = useClient();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<CombinedError | null>(null);
  const download = async () => {
    setBusy(true);
    if (props.kind === 'invoice') {
      const result = await client.query(INVOICE_PDF, { id: props.id }, { requestPolicy: 'network-only' }).toPromise();
      setError(result.error ?? null);
      if (result.data) downloadBase64(`invoice-${result.data.invoice.number}.pdf`, result.data.invoice.pdfBase64);
    } else {
      const result = await client.query(RECEIPT_PDF, { id: props.id }, { requestPolicy: 'network-only' }).toPromise();
      setError(result.error ?? null);
      if (result.data) downloadBase64(`receipt-${result.data.payment.number}.pdf`, result.data.payment.receiptPdfBase64);
    }
    setBusy(false);
  };
  return (
    <>
      <button type="button" class="secondary" onClick={download} disabled={busy()}>
        {busy() ? 'Preparing…' : props.label}
      </button>
      <ErrorNotice error={error()} />
    </>
  );
}
