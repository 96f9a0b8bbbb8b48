import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { item, location, supplier } from './catalogue.ts';
import { createdAt, id, supply, updatedAt } from './namespace.ts';

export const movementKindEnum = supply.enum('movement_kind', ['receive', 'issue', 'dispense', 'transfer', 'adjust', 'expire', 'write_off', 'return']);
export const movementReferenceEnum = supply.enum('movement_reference', [
  'purchase_order_line',
  'delivery',
  'prescription',
  'patient',
  'ward',
  'transfer',
  'adjustment',
  'write_off',
  'return',
]);
export const expiryStageEnum = supply.enum('expiry_stage', ['expiring', 'expired']);

/** A batch of one item with its lot number and expiry date (null: the item does not expire). */
export const lot = supply.table(
  'lot',
  {
    id: id(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => item.id),
    lotNumber: text('lot_number').notNull(),
    expiresOn: date('expires_on'),
    supplierId: uuid('supplier_id').references(() => supplier.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('lot_item_number_uq').on(t.itemId, t.lotNumber), index('lot_item_expires_idx').on(t.itemId, t.expiresOn)],
);

/** What is on the shelf per lot and location. Only the stock engine writes it, always beside a movement. */
export const stockBalance = supply.table(
  'stock_balance',
  {
    lotId: uuid('lot_id')
      .notNull()
      .references(() => lot.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => location.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => item.id),
    quantity: integer('quantity').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'stock_balance_pk', columns: [t.lotId, t.locationId] }),
    index('stock_balance_item_location_idx').on(t.itemId, t.locationId),
    index('stock_balance_location_idx').on(t.locationId),
    check('stock_balance_quantity_nonnegative', sql`${t.quantity} >= 0`),
  ],
);

/** The ledger: every change of stock, signed, append-only (a trigger rejects UPDATE, DELETE and TRUNCATE). */
export const stockMovement = supply.table(
  'stock_movement',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    operationId: uuid('operation_id').notNull(),
    kind: movementKindEnum('kind').notNull(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => item.id),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => lot.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => location.id),
    quantity: integer('quantity').notNull(),
    reason: text('reason'),
    referenceType: movementReferenceEnum('reference_type').notNull(),
    referenceId: text('reference_id').notNull(),
    patientId: uuid('patient_id'),
    actorId: uuid('actor_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_movement_lot_location_idx').on(t.lotId, t.locationId),
    index('stock_movement_item_idx').on(t.itemId, t.id),
    index('stock_movement_location_idx').on(t.locationId, t.id),
    index('stock_movement_reference_idx').on(t.referenceType, t.referenceId),
    index('stock_movement_operation_idx').on(t.operationId),
    check('stock_movement_quantity_nonzero', sql`${t.quantity} <> 0`),
    check(
      'stock_movement_sign_matches_kind',
      sql`(${t.kind} = 'receive' and ${t.quantity} > 0) or (${t.kind} in ('issue', 'dispense', 'expire', 'write_off') and ${t.quantity} < 0) or ${t.kind} in ('transfer', 'adjust', 'return')`,
    ),
    check('stock_movement_reason_required', sql`${t.kind} not in ('adjust', 'write_off') or length(trim(coalesce(${t.reason}, ''))) > 0`),
  ],
);

/**
 * Stock on hand per item and facility, with the low-stock flag. Its row is the lock every stock
 * change of that item in that facility takes first, so changes are serialised and alerts fire once.
 */
export const stockLevel = supply.table(
  'stock_level',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => item.id),
    facilityId: uuid('facility_id').notNull(),
    onHand: integer('on_hand').notNull().default(0),
    belowReorder: boolean('below_reorder').notNull().default(false),
    lowSince: timestamp('low_since', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'stock_level_pk', columns: [t.itemId, t.facilityId] }),
    index('stock_level_facility_idx').on(t.facilityId, t.belowReorder),
    check('stock_level_on_hand_nonnegative', sql`${t.onHand} >= 0`),
  ],
);

/** One row per expiry alert sent, so each (lot, location, stage) is alerted once. */
export const expiryAlert = supply.table(
  'expiry_alert',
  {
    lotId: uuid('lot_id')
      .notNull()
      .references(() => lot.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => location.id),
    stage: expiryStageEnum('stage').notNull(),
    alertedAt: timestamp('alerted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'expiry_alert_pk', columns: [t.lotId, t.locationId, t.stage] })],
);

/** Per-facility supply settings. */
export const facilitySetting = supply.table(
  'facility_setting',
  {
    facilityId: uuid('facility_id').primaryKey(),
    expiryWindowDays: integer('expiry_window_days').notNull().default(90),
    updatedAt: updatedAt(),
  },
  (t) => [check('facility_setting_expiry_window_range', sql`${t.expiryWindowDays} between 1 and 3650`)],
);
