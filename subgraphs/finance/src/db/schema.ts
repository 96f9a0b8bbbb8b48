import { bigint, date, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const finance = pgSchema('finance');

/** A price, effective from a date, per facility. Money is integer minor units, never float. */
export const priceListEntry = finance.table('price_list_entry', {
  id: uuid('id').primaryKey().defaultRandom(),
  facilityId: uuid('facility_id').notNull(),
  code: text('code').notNull(),
  description: text('description').notNull(),
  amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
  currency: text('currency').notNull(),
  effectiveFrom: date('effective_from').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
