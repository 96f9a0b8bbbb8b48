import { useClient } from '@urql/solid';
import { FileButton } from '../downloads/FileButton.tsx';
import { INVOICE_PDF, RECEIPT_PDF } from './fields.ts';

const pdf = (filename: string, contentBase64: string) => ({ filename, contentType: 'application/pdf', contentBase64 });

/** Downloads an invoice or a payment receipt as a PDF, fetched only when asked for. */
export function PdfButton(props: { kind: 'invoice' | 'receipt'; id: string; label: string }) {
  const client = useClient();
  const fetch = async () => {
    if (props.kind === 'invoice') {
      const result = await client.query(INVOICE_PDF, { id: props.id }, { requestPolicy: 'network-only' }).toPromise();
      return { error: result.error, file: result.data && pdf(`invoice-${result.data.invoice.number}.pdf`, result.data.invoice.pdfBase64) };
    }
    const result = await client.query(RECEIPT_PDF, { id: props.id }, { requestPolicy: 'network-only' }).toPromise();
    return { error: result.error, file: result.data && pdf(`receipt-${result.data.payment.number}.pdf`, result.data.payment.receiptPdfBase64) };
  };
  return <FileButton label={props.label} fetch={fetch} />;
}
