import { sql } from 'drizzle-orm';
import { check, index, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, createdBy, creditEntryKindEnum, currency, finance, id, minor, paymentMethodEnum, updatedAt } from './base.ts';
import { invoice } from './billing.ts';

/**
 * Money received. What was tendered is split into what the invoice took (`applied`) and the rest,
 * which becomes patient credit; tendered = applied + credit always. A deposit has no invoice.
 * Method `credit` pays an invoice out of the patient's credit rather than new money.
 */
export const payment = finance.table(
  'payment',
  {
    id: id(),
    number: text('number').notNull().unique().default(sql`'RCPT-' || lpad(nextval('finance.receipt_number_seq')::text, 6, '0')`),
    patientId: uuid('patient_id').notNull(),
    /** Where it was taken: its invoice's facility, or the desk's for a deposit (null: recorded for the whole network). */
    facilityId: uuid('facility_id'),
    invoiceId: uuid('invoice_id').references(() => invoice.id),
    claimId: uuid('claim_id'),
    method: paymentMethodEnum('method').notNull(),
    reference: text('reference'),
    currency: currency(),
    tenderedMinor: minor('tendered_minor').notNull(),
    appliedMinor: minor('applied_minor').notNull(),
    creditMinor: minor('credit_minor').notNull(),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [
    index('payment_invoice_idx').on(t.invoiceId),
    index('payment_patient_idx').on(t.patientId, t.createdAt),
    index('payment_facility_patient_idx').on(t.facilityId, t.patientId),
    check('payment_amounts_ck', sql`${t.tenderedMinor} > 0 AND ${t.appliedMinor} >= 0 AND ${t.creditMinor} >= 0`),
    check('payment_split_ck', sql`${t.tenderedMinor} = ${t.appliedMinor} + ${t.creditMinor}`),
    check('payment_deposit_ck', sql`${t.invoiceId} IS NOT NULL OR ${t.appliedMinor} = 0`),
    check('payment_credit_method_ck', sql`${t.method} <> 'credit' OR ${t.creditMinor} = 0`),
    check('payment_currency_ck', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/**
 * A patient's own online payment. It is paid only when the payment provider confirms it (its signed
 * webhook): pending → processing → succeeded, or declined. The key makes a retried request charge once;
 * the row lock on confirmation makes a replayed webhook pay once. No card number is ever stored.
 */
export const paymentIntent = finance.table(
  'payment_intent',
  {
    id: id(),
    patientId: uuid('patient_id').notNull(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoice.id),
    idempotencyKey: text('idempotency_key').notNull(),
    amountMinor: minor('amount_minor').notNull(),
    currency: currency(),
    status: text('status').$type<'pending' | 'processing' | 'succeeded' | 'declined'>().notNull().default('pending'),
    provider: text('provider').notNull().default('test'),
    providerRef: text('provider_ref'),
    declineCode: text('decline_code'),
    cardLast4: text('card_last4'),
    paymentId: uuid('payment_id').references(() => payment.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('payment_intent_key_uq').on(t.patientId, t.idempotencyKey),
    uniqueIndex('payment_intent_payment_uq').on(t.paymentId),
    check('payment_intent_amount_ck', sql`${t.amountMinor} > 0`),
    check('payment_intent_status_ck', sql`${t.status} in ('pending', 'processing', 'succeeded', 'declined')`),
    check('payment_intent_paid_ck', sql`(${t.status} = 'succeeded') = (${t.paymentId} IS NOT NULL)`),
  ],
);

/** A patient's credit per currency. The CHECK means credit can never be spent twice. */
export const patientCredit = finance.table(
  'patient_credit',
  {
    patientId: uuid('patient_id').notNull(),
    currency: currency(),
    balanceMinor: minor('balance_minor').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.patientId, t.currency] }), check('patient_credit_balance_ck', sql`${t.balanceMinor} >= 0`)],
);

/** Every change of a patient's credit, signed: + overpayment, deposit, credit note; − applied, refund. */
export const creditEntry = finance.table(
  'credit_entry',
  {
    id: id(),
    patientId: uuid('patient_id').notNull(),
    currency: currency(),
    kind: creditEntryKindEnum('kind').notNull(),
    amountMinor: minor('amount_minor').notNull(),
    paymentId: uuid('payment_id'),
    invoiceId: uuid('invoice_id'),
    creditNoteId: uuid('credit_note_id'),
    refundId: uuid('refund_id'),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [index('credit_entry_patient_idx').on(t.patientId, t.createdAt), check('credit_entry_amount_ck', sql`${t.amountMinor} <> 0`)],
);

/** Money given back to a patient, always out of their credit. */
export const refund = finance.table(
  'refund',
  {
    id: id(),
    number: text('number').notNull().unique().default(sql`'RF-' || lpad(nextval('finance.refund_number_seq')::text, 6, '0')`),
    patientId: uuid('patient_id').notNull(),
    /** The desk that gave the money back (null: recorded for the whole network). */
    facilityId: uuid('facility_id'),
    currency: currency(),
    amountMinor: minor('amount_minor').notNull(),
    method: paymentMethodEnum('method').notNull(),
    reference: text('reference'),
    reason: text('reason').notNull(),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [index('refund_patient_idx').on(t.patientId, t.createdAt), check('refund_amount_ck', sql`${t.amountMinor} > 0`)],
);
