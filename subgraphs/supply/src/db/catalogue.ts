import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, supply, updatedAt } from './namespace.ts';

export const itemKindEnum = supply.enum('item_kind', ['medicine', 'consumable', 'equipment', 'reagent']);
export const locationKindEnum = supply.enum('location_kind', ['pharmacy', 'ward_cabinet', 'lab', 'store']);

export const supplier = supply.table(
  'supplier',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    leadTimeDays: integer('lead_time_days').notNull().default(7),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('supplier_code_uq').on(t.code), check('supplier_lead_time_nonnegative', sql`${t.leadTimeDays} >= 0`)],
);

export const item = supply.table(
  'item',
  {
    id: id(),
    sku: text('sku').notNull().unique(),
    name: text('name').notNull(),
    kind: itemKindEnum('kind').notNull(),
    unit: text('unit').notNull(),
    genericName: text('generic_name'),
    form: text('form'),
    strength: text('strength'),
    reorderLevel: integer('reorder_level').notNull().default(0),
    reorderQuantity: integer('reorder_quantity').notNull().default(0),
    preferredSupplierId: uuid('preferred_supplier_id').references(() => supplier.id),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('item_preferred_supplier_idx').on(t.preferredSupplierId),
    check('item_reorder_nonnegative', sql`${t.reorderLevel} >= 0 and ${t.reorderQuantity} >= 0`),
    check('item_medicine_generic_name', sql`${t.kind} <> 'medicine' or ${t.genericName} is not null`),
  ],
);

/** A place stock is kept, in one facility (a plain id from people: no foreign key across schemas). */
export const location = supply.table(
  'location',
  {
    id: id(),
    facilityId: uuid('facility_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: locationKindEnum('kind').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('location_facility_code_uq').on(t.facilityId, t.code)],
);
