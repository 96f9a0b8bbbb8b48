import { graphql, type ResultOf } from '../../lib/graphql.ts';

/** An invoice as lists show it. */
export const INVOICE_SUMMARY = graphql(`
  fragment InvoiceSummary on Invoice {
    id number status currency totalMinor balanceMinor patientBalanceMinor issuedAt dueDate patient { id displayName }
  }
`);

export type InvoiceSummary = ResultOf<typeof INVOICE_SUMMARY>;

export const INVOICES = graphql(
  `
  query Invoices($status: InvoiceStatus, $patientId: ID, $first: Int) {
    invoices(status: $status, patientId: $patientId, first: $first) { nodes { ...InvoiceSummary } }
  }
`,
  [INVOICE_SUMMARY],
);

export const INVOICE_PDF = graphql(`
  query InvoicePdf($id: ID!) {
    invoice(id: $id) { id number pdfBase64 }
  }
`);

export const RECEIPT_PDF = graphql(`
  query ReceiptPdf($id: ID!) {
    payment(id: $id) { id number receiptPdfBase64 }
  }
`);
