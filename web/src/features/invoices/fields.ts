import { gql } from '@urql/solid';

export interface InvoiceSummary {
  id: string;
  number: string;
  status: 'DRAFT' | 'ISSUED' | 'PARTIALLY_PAID' | 'PAID' | 'CREDITED' | 'VOID';
  currency: string;
  totalMinor: number;
  balanceMinor: number;
  patientBalanceMinor: number;
  issuedAt: string | null;
  dueDate: string | null;
  patient: { id: string; displayName: string };
}

export const INVOICE_SUMMARY = `id number status currency totalMinor balanceMinor patientBalanceMinor issuedAt dueDate patient { id displayName }`;

export const INVOICES = gql`
  query Invoices($status: InvoiceStatus, $patientId: ID, $first: Int) {
    invoices(status: $status, patientId: $patientId, first: $first) { nodes { ${INVOICE_SUMMARY} } }
  }
`;

export const INVOICE_PDF = gql`
  query InvoicePdf($id: ID!) {
    invoice(id: $id) { id number pdfBase64 }
  }
`;

export const RECEIPT_PDF = gql`
  query ReceiptPdf($id: ID!) {
    payment(id: $id) { id number receiptPdfBase64 }
  }
`;
