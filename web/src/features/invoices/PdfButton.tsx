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
      const invoice = result.data?.invoice;
      return { error: result.error, file: invoice && pdf(`invoice-${invoice.number}.pdf`, invoice.pdfBase64) };
    }
    const result = await client.query(RECEIPT_PDF, { id: props.id }, { requestPolicy: 'network-only' }).toPromise();
    const payment = result.data?.payment;
    return { error: result.error, file: payment && pdf(`receipt-${payment.number}.pdf`, payment.receiptPdfBase64) };
  };
  return <FileButton label={props.label} fetch={fetch} />;
}
