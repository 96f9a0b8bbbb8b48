import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { claimStatusEnum, createdAt, createdBy, currency, finance, id, minor } from './base.ts';
import { invoice, invoiceLine } from './billing.ts';

/** A patient's insurance: the payer covers a percentage of each line, or all but a copay per claim. */
export const insurancePolicy = finance.table(
  'insurance_policy',
  {
    id: id(),
    patientId: uuid('patient_id').notNull(),
    /** The desk that recorded it. The policy covers the patient at every facility (access.ts: policyInScope). */
    facilityId: uuid('facility_id'),
    payer: text('payer').notNull(),
    memberId: text('member_id').notNull(),
    groupNumber: text('group_number'),
    coverageBp: integer('coverage_bp'),
    copayMinor: minor('copay_minor'),
    currency: currency(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    active: boolean('active').notNull().default(true),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('insurance_policy_member_uq').on(t.patientId, t.payer, t.memberId),
    check('insurance_policy_terms_ck', sql`num_nonnulls(${t.coverageBp}, ${t.copayMinor}) = 1`),
    check('insurance_policy_coverage_ck', sql`${t.coverageBp} IS NULL OR ${t.coverageBp} BETWEEN 0 AND 10000`),
    check('insurance_policy_copay_ck', sql`${t.copayMinor} IS NULL OR ${t.copayMinor} >= 0`),
    check('insurance_policy_dates_ck', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** An export file of submitted claims (no clearing-house: the file is what gets sent). */
export const claimSubmission = finance.table('claim_submission', {
  id: id(),
  number: text('number').notNull().unique().default(sql`'SUB-' || lpad(nextval('finance.submission_number_seq')::text, 6, '0')`),
  fileName: text('file_name').notNull(),
  content: text('content').notNull(),
  claimCount: integer('claim_count').notNull(),
  createdBy: createdBy(),
  createdAt: createdAt(),
});

export const claim = finance.table(
  'claim',
  {
    id: id(),
    number: text('number').notNull().unique().default(sql`'CLM-' || lpad(nextval('finance.claim_number_seq')::text, 6, '0')`),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoice.id),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => insurancePolicy.id),
    patientId: uuid('patient_id').notNull(),
    payer: text('payer').notNull(),
    currency: currency(),
    status: claimStatusEnum('status').notNull().default('draft'),
    claimedMinor: minor('claimed_minor').notNull(),
    approvedMinor: minor('approved_minor'),
    paidMinor: minor('paid_minor').notNull().default(0),
    denialCode: text('denial_code'),
    denialReason: text('denial_reason'),
    submissionId: uuid('submission_id').references(() => claimSubmission.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    adjudicatedAt: timestamp('adjudicated_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [
    index('claim_invoice_idx').on(t.invoiceId),
    index('claim_status_idx').on(t.status),
    check(
      'claim_amounts_ck',
      sql`${t.claimedMinor} >= 0 AND ${t.paidMinor} >= 0 AND (${t.approvedMinor} IS NULL OR ${t.approvedMinor} BETWEEN 0 AND ${t.claimedMinor})`,
    ),
    check('claim_denied_ck', sql`${t.status} <> 'denied' OR ${t.denialReason} IS NOT NULL`),
  ],
);

/** One invoice line on a claim: the payer's expected share, then what it approved. A line is claimed once. */
export const claimLine = finance.table(
  'claim_line',
  {
    id: id(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => claim.id),
    invoiceLineId: uuid('invoice_line_id')
      .notNull()
      .references(() => invoiceLine.id),
    claimedMinor: minor('claimed_minor').notNull(),
    approvedMinor: minor('approved_minor'),
    denialCode: text('denial_code'),
    denialReason: text('denial_reason'),
  },
  (t) => [
    uniqueIndex('claim_line_invoice_line_uq').on(t.invoiceLineId),
    index('claim_line_claim_idx').on(t.claimId),
    check('claim_line_amounts_ck', sql`${t.claimedMinor} >= 0 AND (${t.approvedMinor} IS NULL OR ${t.approvedMinor} BETWEEN 0 AND ${t.claimedMinor})`),
  ],
);
