import { sql } from 'drizzle-orm';
import { check, date, index, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { basisPoints, createdAt, createdBy, currency, finance, id, invoiceStatusEnum, minor, serviceTypeEnum, updatedAt } from './base.ts';
import { charge } from './catalogue.ts';

const money = (name: string) => minor(name).notNull().default(0);

/**
 * An invoice. Totals are the sums of its lines (kept here so reads and reports need no sum). Once it
 * has any payment, `locked_at` is set and a trigger refuses every change to its lines and totals.
 * balance = total − credited − paid, and the CHECKs keep it between 0 and total.
 */
export const invoice = finance.table(
  'invoice',
  {
    id: id(),
    number: text('number').notNull().unique().default(sql`'INV-' || lpad(nextval('finance.invoice_number_seq')::text, 6, '0')`),
    patientId: uuid('patient_id').notNull(),
    /**
     * The facility that bills it: its charges' facility (one invoice bills one facility). Every invoice
     * has one; the column stays nullable only for the CHECK below, which older rows without a traceable
     * facility were not validated against (migration 0011).
     */
    facilityId: uuid('facility_id'),
    encounterId: uuid('encounter_id'),
    currency: currency(),
    status: invoiceStatusEnum('status').notNull().default('draft'),
    subtotalMinor: money('subtotal_minor'),
    discountMinor: money('discount_minor'),
    taxMinor: money('tax_minor'),
    totalMinor: money('total_minor'),
    creditedMinor: money('credited_minor'),
    paidMinor: money('paid_minor'),
    paidByInsuranceMinor: money('paid_by_insurance_minor'),
    insuranceShareMinor: money('insurance_share_minor'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    dueDate: date('due_date'),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidReason: text('void_reason'),
    createdBy: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('invoice_patient_idx').on(t.patientId, t.createdAt),
    index('invoice_status_idx').on(t.status, t.issuedAt),
    // The billing desk's list, newest first in (created_at, id) cursor order (invoice-lists.ts).
    index('invoice_created_idx').on(t.createdAt, t.id),
    index('invoice_encounter_idx').on(t.encounterId),
    // A facility's billing desk list, newest first (invoice-lists.ts with a confined caller).
    index('invoice_facility_created_idx').on(t.facilityId, t.createdAt, t.id),
    check('invoice_facility_ck', sql`${t.facilityId} IS NOT NULL`),
    check('invoice_currency_ck', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check(
      'invoice_amounts_ck',
      sql`${t.subtotalMinor} >= 0 AND ${t.discountMinor} >= 0 AND ${t.taxMinor} >= 0 AND ${t.creditedMinor} >= 0 AND ${t.paidMinor} >= 0
        AND ${t.paidByInsuranceMinor} >= 0 AND ${t.insuranceShareMinor} >= 0`,
    ),
    check('invoice_total_ck', sql`${t.totalMinor} = ${t.subtotalMinor} - ${t.discountMinor} + ${t.taxMinor}`),
    check('invoice_balance_ck', sql`${t.paidMinor} + ${t.creditedMinor} <= ${t.totalMinor}`),
    check('invoice_insurance_paid_ck', sql`${t.paidByInsuranceMinor} <= ${t.paidMinor}`),
    check('invoice_void_ck', sql`(${t.status} = 'void') = (${t.voidReason} IS NOT NULL)`),
  ],
);

/** One line: its amounts follow the rounding rule in money.ts and the CHECKs hold them to it. */
export const invoiceLine = finance.table(
  'invoice_line',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoice.id),
    chargeId: uuid('charge_id').references(() => charge.id),
    position: integer('position').notNull(),
    serviceType: serviceTypeEnum('service_type').notNull(),
    code: text('code').notNull(),
    description: text('description').notNull(),
    providerId: uuid('provider_id'),
    serviceDate: date('service_date').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: minor('unit_price_minor').notNull(),
    grossMinor: minor('gross_minor').notNull(),
    discountBp: basisPoints('discount_bp').notNull().default(0),
    discountReason: text('discount_reason'),
    discountMinor: money('discount_minor'),
    taxRateBp: basisPoints('tax_rate_bp').notNull().default(0),
    taxMinor: money('tax_minor'),
    totalMinor: minor('total_minor').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('invoice_line_invoice_idx').on(t.invoiceId, t.position),
    check('invoice_line_quantity_ck', sql`${t.quantity} > 0 AND ${t.unitPriceMinor} >= 0`),
    check('invoice_line_gross_ck', sql`${t.grossMinor} = ${t.quantity} * ${t.unitPriceMinor}`),
    check('invoice_line_discount_ck', sql`${t.discountBp} BETWEEN 0 AND 10000 AND (${t.discountBp} = 0 OR ${t.discountReason} IS NOT NULL)`),
    check('invoice_line_tax_ck', sql`${t.taxRateBp} BETWEEN 0 AND 10000`),
    check('invoice_line_total_ck', sql`${t.totalMinor} = ${t.grossMinor} - ${t.discountMinor} + ${t.taxMinor} AND ${t.totalMinor} >= 0`),
  ],
);

/** A correction of an issued invoice: it reduces what is owed, never edits the invoice. */
export const creditNote = finance.table(
  'credit_note',
  {
    id: id(),
    number: text('number').notNull().unique().default(sql`'CN-' || lpad(nextval('finance.credit_note_number_seq')::text, 6, '0')`),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoice.id),
    patientId: uuid('patient_id').notNull(),
    currency: currency(),
    reason: text('reason').notNull(),
    totalMinor: minor('total_minor').notNull(),
    taxMinor: minor('tax_minor').notNull(),
    /** The part already paid that the correction turned into patient credit. */
    refundedToCreditMinor: money('refunded_to_credit_minor'),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [index('credit_note_invoice_idx').on(t.invoiceId), check('credit_note_total_ck', sql`${t.totalMinor} > 0 AND ${t.taxMinor} >= 0`)],
);

export const creditNoteLine = finance.table(
  'credit_note_line',
  {
    id: id(),
    creditNoteId: uuid('credit_note_id')
      .notNull()
      .references(() => creditNote.id),
    invoiceLineId: uuid('invoice_line_id')
      .notNull()
      .references(() => invoiceLine.id),
    amountMinor: minor('amount_minor').notNull(),
    taxMinor: minor('tax_minor').notNull(),
  },
  (t) => [
    index('credit_note_line_note_idx').on(t.creditNoteId),
    index('credit_note_line_invoice_line_idx').on(t.invoiceLineId),
    check('credit_note_line_amount_ck', sql`${t.amountMinor} > 0 AND ${t.taxMinor} >= 0 AND ${t.taxMinor} <= ${t.amountMinor}`),
  ],
);
