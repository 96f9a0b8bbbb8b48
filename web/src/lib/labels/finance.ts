import type { Labels } from './enum.ts';

/** Plain words for the API's billing enums. */
export const SERVICE_TYPE: Labels<'ServiceType'> = {
  CONSULTATION: 'Consultation',
  PROCEDURE: 'Procedure',
  LAB_TEST: 'Lab test',
  MEDICINE: 'Medicine',
  OTHER: 'Other',
};

export const CHARGE_STATUS: Labels<'ChargeStatus'> = { PENDING: 'Not invoiced yet', INVOICED: 'Invoiced', VOID: 'Void' };

export const INVOICE_STATUS: Labels<'InvoiceStatus'> = {
  DRAFT: 'Draft',
  ISSUED: 'Issued',
  PARTIALLY_PAID: 'Partly paid',
  PAID: 'Paid',
  CREDITED: 'Credited',
  VOID: 'Void',
};

export const CLAIM_STATUS: Labels<'ClaimStatus'> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  APPROVED: 'Approved',
  PARTIALLY_APPROVED: 'Partly approved',
  DENIED: 'Denied',
  PAID: 'Paid',
};

export const PAYMENT_METHOD: Labels<'PaymentMethod'> = { CASH: 'Cash', CARD: 'Card', INSURANCE: 'Insurance', ONLINE: 'Paid online', CREDIT: 'Patient credit' };

export const STATEMENT_ENTRY_KIND: Labels<'StatementEntryKind'> = { INVOICE: 'Invoice', CREDIT_NOTE: 'Credit note', PAYMENT: 'Payment', REFUND: 'Refund' };

export const REVENUE_GROUPING: Labels<'RevenueGrouping'> = { DAY: 'Day', PROVIDER: 'Provider', SERVICE: 'Service', PAYER: 'Payer' };
