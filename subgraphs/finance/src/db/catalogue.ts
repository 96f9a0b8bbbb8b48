import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { basisPoints, chargeSourceEnum, chargeStatusEnum, createdAt, createdBy, currency, finance, id, minor, serviceTypeEnum, updatedAt } from './base.ts';

/**
 * Billing settings of a facility: the time zone that decides a service's date, its default currency, and
 * the tax or registration number its invoices and receipts must carry.
 */
export const billingFacility = finance.table(
  'billing_facility',
  {
    facilityId: uuid('facility_id').primaryKey(),
    timeZone: text('time_zone').notNull().default('UTC'),
    currency: currency(),
    taxNumber: text('tax_number'),
    updatedAt: updatedAt(),
  },
  (t) => [check('billing_facility_currency_ck', sql`${t.currency} ~ '^[A-Z]{3}$'`)],
);

/** The specialty a provider's consultations are priced under, when no provider-specific price exists. */
export const providerSpecialty = finance.table('provider_specialty', {
  providerId: uuid('provider_id').primaryKey(),
  specialty: text('specialty').notNull(),
  updatedAt: updatedAt(),
});

/**
 * A price for one service at one facility, effective from a date (and optionally until one). What it
 * prices is its match key: a provider's or a specialty's consultation (or the facility default), a
 * medicine by item id, or a procedure or lab test by code.
 */
export const priceListEntry = finance.table(
  'price_list_entry',
  {
    id: id(),
    facilityId: uuid('facility_id').notNull(),
    serviceType: serviceTypeEnum('service_type').notNull().default('other'),
    code: text('code').notNull(),
    description: text('description').notNull(),
    providerId: uuid('provider_id'),
    specialty: text('specialty'),
    itemId: uuid('item_id'),
    matchKey: text('match_key').generatedAlwaysAs(
      sql`CASE
        WHEN service_type = 'consultation' THEN COALESCE('provider:' || provider_id::text, 'specialty:' || lower(specialty), 'default')
        WHEN service_type = 'medicine' THEN 'item:' || item_id::text
        ELSE 'code:' || upper(code) END`,
    ),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: currency(),
    taxRateBp: integer('tax_rate_bp').notNull().default(0),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('price_list_entry_key_uq').on(t.facilityId, t.serviceType, t.matchKey, t.effectiveFrom),
    check('price_list_entry_amount_ck', sql`${t.amountMinor} >= 0`),
    check('price_list_entry_tax_ck', sql`${t.taxRateBp} BETWEEN 0 AND 10000`),
    check('price_list_entry_currency_ck', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('price_list_entry_dates_ck', sql`${t.effectiveTo} IS NULL OR ${t.effectiveTo} > ${t.effectiveFrom}`),
    check(
      'price_list_entry_match_ck',
      sql`(${t.itemId} IS NOT NULL) = (${t.serviceType} = 'medicine')
        AND (${t.providerId} IS NULL OR ${t.serviceType} = 'consultation')
        AND (${t.specialty} IS NULL OR ${t.serviceType} = 'consultation')
        AND NOT (${t.providerId} IS NOT NULL AND ${t.specialty} IS NOT NULL)`,
    ),
  ],
);

/** Which appointment an encounter came from, learnt from care's encounter events. */
export const encounterLink = finance.table('encounter_link', {
  encounterId: uuid('encounter_id').primaryKey(),
  appointmentId: uuid('appointment_id').unique(),
  patientId: uuid('patient_id').notNull(),
  createdAt: createdAt(),
});

/**
 * Something billable that happened to a patient. Charges from events carry their source; the unique
 * source key makes a replayed event charge nothing new.
 */
export const charge = finance.table(
  'charge',
  {
    id: id(),
    patientId: uuid('patient_id').notNull(),
    facilityId: uuid('facility_id'),
    providerId: uuid('provider_id'),
    encounterId: uuid('encounter_id'),
    sourceType: chargeSourceEnum('source_type').notNull(),
    sourceId: text('source_id'),
    sourceLine: text('source_line').notNull().default(''),
    sourceEventId: bigint('source_event_id', { mode: 'bigint' }),
    serviceType: serviceTypeEnum('service_type').notNull(),
    priceListEntryId: uuid('price_list_entry_id').references(() => priceListEntry.id),
    code: text('code').notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: minor('unit_price_minor').notNull(),
    taxRateBp: basisPoints('tax_rate_bp').notNull().default(0),
    currency: currency(),
    serviceDate: date('service_date').notNull(),
    unpriced: boolean('unpriced').notNull().default(false),
    status: chargeStatusEnum('status').notNull().default('pending'),
    invoiceId: uuid('invoice_id'),
    voidReason: text('void_reason'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedBy: uuid('voided_by'),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('charge_source_uq').on(t.sourceType, t.sourceId, t.sourceLine),
    index('charge_patient_status_idx').on(t.patientId, t.status),
    index('charge_facility_patient_idx').on(t.facilityId, t.patientId),
    index('charge_encounter_idx').on(t.encounterId),
    index('charge_invoice_idx').on(t.invoiceId),
    check('charge_quantity_ck', sql`${t.quantity} > 0`),
    check('charge_price_ck', sql`${t.unitPriceMinor} >= 0`),
    check('charge_tax_ck', sql`${t.taxRateBp} BETWEEN 0 AND 10000`),
    check('charge_currency_ck', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('charge_source_ck', sql`(${t.sourceType} = 'manual') = (${t.sourceId} IS NULL)`),
    check('charge_void_ck', sql`(${t.status} = 'void') = (${t.voidReason} IS NOT NULL)`),
    check('charge_invoiced_ck', sql`(${t.status} = 'invoiced') = (${t.invoiceId} IS NOT NULL)`),
  ],
);
