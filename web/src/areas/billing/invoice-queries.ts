import { graphql, type ResultOf } from '../../lib/graphql.ts';

/** An invoice as its page shows it: totals, lines, payments, credit notes and claims. */
export const INVOICE_DETAIL = graphql(`
  fragment InvoiceDetail on Invoice {
    id number status currency totalMinor balanceMinor patientBalanceMinor issuedAt dueDate patient { id displayName }
    subtotalMinor discountMinor taxMinor creditedMinor paidMinor locked
    lines { id description code quantity unitPriceMinor totalMinor creditedMinor }
    payments { id number method appliedMinor tenderedMinor createdAt }
    creditNotes { id number reason totalMinor createdAt }
    claims { id number status payer claimedMinor }
  }
`);

export type InvoiceDetailInfo = ResultOf<typeof INVOICE_DETAIL>;

export const INVOICE = graphql(
  `
  query Invoice($id: ID!) {
    invoice(id: $id) { ...InvoiceDetail }
  }
`,
  [INVOICE_DETAIL],
);

export const ISSUE = graphql(
  `
  mutation IssueInvoice($id: ID!, $dueDate: Date) {
    issueInvoice(id: $id, dueDate: $dueDate) { ...InvoiceDetail }
  }
`,
  [INVOICE_DETAIL],
);

export const VOID = graphql(
  `
  mutation VoidInvoice($id: ID!, $reason: String!) {
    voidInvoice(id: $id, reason: $reason) { ...InvoiceDetail }
  }
`,
  [INVOICE_DETAIL],
);

export const RECORD_PAYMENT = graphql(
  `
  mutation RecordPayment($input: PaymentInput!, $idempotencyKey: String) {
    recordPayment(input: $input, idempotencyKey: $idempotencyKey) { id number invoice { ...InvoiceDetail } }
  }
`,
  [INVOICE_DETAIL],
);

export const CREDIT_NOTE = graphql(
  `
  mutation CreateCreditNote($input: CreditNoteInput!) {
    createCreditNote(input: $input) { id number invoice { ...InvoiceDetail } }
  }
`,
  [INVOICE_DETAIL],
);

export const APPLY_DISCOUNT = graphql(
  `
  mutation ApplyInvoiceDiscount($invoiceId: ID!, $discount: DiscountInput!) {
    applyInvoiceDiscount(invoiceId: $invoiceId, discount: $discount) { ...InvoiceDetail }
  }
`,
  [INVOICE_DETAIL],
);
