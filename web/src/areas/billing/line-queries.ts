import { graphql } from '../../lib/graphql.ts';
import { INVOICE_DETAIL } from './invoice-queries.ts';

export const SET_LINE_DISCOUNT = graphql(
  `
  mutation SetInvoiceLineDiscount($lineId: ID!, $discount: DiscountInput!) {
    setInvoiceLineDiscount(lineId: $lineId, discount: $discount) { ...InvoiceDetail }
  }
`,
  [INVOICE_DETAIL],
);

export const REMOVE_LINE = graphql(
  `
  mutation RemoveInvoiceLine($lineId: ID!) {
    removeInvoiceLine(lineId: $lineId) { ...InvoiceDetail }
  }
`,
  [INVOICE_DETAIL],
);

export const ADD_CHARGES = graphql(
  `
  mutation AddChargesToInvoice($invoiceId: ID!, $chargeIds: [ID!]!) {
    addChargesToInvoice(invoiceId: $invoiceId, chargeIds: $chargeIds) { ...InvoiceDetail }
  }
`,
  [INVOICE_DETAIL],
);
