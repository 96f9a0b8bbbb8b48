import { gql } from '@urql/solid';
import { INVOICE_SUMMARY, type InvoiceSummary } from '../../features/invoices/fields.ts';

export interface InvoiceDetailInfo extends InvoiceSummary {
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  creditedMinor: number;
  paidMinor: number;
  locked: boolean;
  lines: { id: string; description: string; code: string; quantity: number; unitPriceMinor: number; totalMinor: number; creditedMinor: number }[];
  payments: { id: string; number: string; method: string; appliedMinor: number; tenderedMinor: number; createdAt: string }[];
  creditNotes: { id: string; number: string; reason: string; totalMinor: number; createdAt: string }[];
  claims: { id: string; number: string; status: string; payer: string; claimedMinor: number }[];
}

const DETAIL = `${INVOICE_SUMMARY} subtotalMinor discountMinor taxMinor creditedMinor paidMinor locked
  lines { id description code quantity unitPriceMinor totalMinor creditedMinor }
  payments { id number method appliedMinor tenderedMinor createdAt }
  creditNotes { id number reason totalMinor createdAt }
  claims { id number status payer claimedMinor }`;

export const INVOICE = gql`
  query Invoice($id: ID!) {
    invoice(id: $id) { ${DETAIL} }
  }
`;

export const ISSUE = gql`
  mutation IssueInvoice($id: ID!, $dueDate: Date) {
    issueInvoice(id: $id, dueDate: $dueDate) { ${DETAIL} }
  }
`;

export const VOID = gql`
  mutation VoidInvoice($id: ID!, $reason: String!) {
    voidInvoice(id: $id, reason: $reason) { ${DETAIL} }
  }
`;

export const RECORD_PAYMENT = gql`
  mutation RecordPayment($input: PaymentInput!) {
    recordPayment(input: $input) { id number invoice { ${DETAIL} } }
  }
`;

export const CREDIT_NOTE = gql`
  mutation CreateCreditNote($input: CreditNoteInput!) {
    createCreditNote(input: $input) { id number invoice { ${DETAIL} } }
  }
`;

export const APPLY_DISCOUNT = gql`
  mutation ApplyInvoiceDiscount($invoiceId: ID!, $discount: DiscountInput!) {
    applyInvoiceDiscount(invoiceId: $invoiceId, discount: $discount) { ${DETAIL} }
  }
`;
