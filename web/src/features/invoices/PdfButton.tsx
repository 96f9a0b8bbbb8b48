import { useClient } from '@urql/solid';
import { createSignal } from 'solid-js';
import { downloadBase64 } from '../../lib/download.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { INVOICE_PDF, RECEIPT_PDF } from './fields.ts';

/** Downloads an invoice or a payment receipt as a PDF, fetched only when asked for. */
export function PdfButton(props: { kind: 'invoice' | 'receipt'; id: string; label: string }) {
  const client = useClient();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const download = async () => {
    setBusy(true);
    const result =
      props.kind === 'invoice'
        ? await client.query(INVOICE_PDF, { id: props.id }, { requestPolicy: 'network-only' }).toPromise()
        : await client.query(RECEIPT_PDF, { id: props.id }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    setError(result.error ?? null);
    const data = result.data as { invoice?: { number: string; pdfBase64: string }; payment?: { number: string; receiptPdfBase64: string } } | undefined;
    if (data?.invoice) downloadBase64(`invoice-${data.invoice.number}.pdf`, data.invoice.pdfBase64);
    if (data?.payment) downloadBase64(`receipt-${data.payment.number}.pdf`, data.payment.receiptPdfBase64);
  };
  return (
    <>
      <button type="button" class="secondary" onClick={download} disabled={busy()}>
        {busy() ? 'Preparing…' : props.label}
      </button>
      <ErrorNotice error={error() as never} />
    </>
  );
}
