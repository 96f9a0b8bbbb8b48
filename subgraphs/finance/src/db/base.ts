import { bigint, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const finance = pgSchema('finance');

export const serviceTypeEnum = finance.enum('service_type', ['consultation', 'procedure', 'lab_test', 'medicine', 'other']);
export const chargeSourceEnum = finance.enum('billable_source', ['appointment', 'encounter', 'dispense', 'lab_order', 'manual']);
export const chargeStatusEnum = finance.enum('billable_status', ['pending', 'invoiced', 'void']);
export const invoiceStatusEnum = finance.enum('invoice_status', ['draft', 'issued', 'partially_paid', 'paid', 'credited', 'void']);
export const paymentMethodEnum = finance.enum('payment_method', ['cash', 'card', 'insurance', 'online', 'credit']);
export const creditEntryKindEnum = finance.enum('credit_entry_kind', ['overpayment', 'deposit', 'credit_note', 'applied', 'refund']);
export const claimStatusEnum = finance.enum('claim_status', ['draft', 'submitted', 'approved', 'partially_approved', 'denied', 'paid']);

export const invoiceNumberSeq = finance.sequence('invoice_number_seq');
export const creditNoteNumberSeq = finance.sequence('credit_note_number_seq');
export const receiptNumberSeq = finance.sequence('receipt_number_seq');
export const refundNumberSeq = finance.sequence('refund_number_seq');
export const claimNumberSeq = finance.sequence('claim_number_seq');
export const submissionNumberSeq = finance.sequence('submission_number_seq');

export const id = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** Money: integer minor units of the row's currency. `number` mode is exact up to 2^53. */
export const minor = (name: string) => bigint(name, { mode: 'number' });
export const basisPoints = (name: string) => integer(name);
export const currency = () => text('currency').notNull();
/** Who did it: the account id from the token, or null for the system (event consumers). */
export const createdBy = () => uuid('created_by');
