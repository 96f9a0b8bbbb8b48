import { graphql } from '../../lib/graphql.ts';

/** An invoice as the patient sees it: what is owed and the receipts. */
export const MY_INVOICE_FIELDS = graphql(`
  fragment MyInvoiceFields on Invoice {
    id number status currency totalMinor patientBalanceMinor issuedAt dueDate
    payments { id number appliedMinor createdAt }
  }
`);

export const MY_INVOICES = graphql(
  `
  query MyInvoices {
    invoices(first: 50) { nodes { ...MyInvoiceFields } }
  }
`,
  [MY_INVOICE_FIELDS],
);

const INTENT_FIELDS = graphql(
  `
  fragment MyPaymentIntentFields on PaymentIntent @_unmask {
    id status cardLast4 payment { id number } invoice { ...MyInvoiceFields }
  }
`,
  [MY_INVOICE_FIELDS],
);

export const PAY = graphql(
  `
  mutation PayInvoice($invoiceId: ID!, $amountMinor: Int!, $idempotencyKey: String!, $card: CardInput!) {
    payInvoice(invoiceId: $invoiceId, amountMinor: $amountMinor, idempotencyKey: $idempotencyKey, card: $card) { ...MyPaymentIntentFields }
  }
`,
  [INTENT_FIELDS],
);

/** Follows a payment the provider has not confirmed yet. */
export const PAYMENT_INTENT = graphql(
  `
  query MyPaymentIntent($id: ID!) {
    paymentIntent(id: $id) { ...MyPaymentIntentFields }
  }
`,
  [INTENT_FIELDS],
);
