import { integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const supply = pgSchema('supply');

export const itemKindEnum = supply.enum('item_kind', ['medicine', 'consumable', 'equipment', 'reagent']);

export const item = supply.table('item', {
  id: uuid('id').primaryKey().defaultRandom(),
  sku: text('sku').notNull().unique(),
  name: text('name').notNull(),
  kind: itemKindEnum('kind').notNull(),
  unit: text('unit').notNull(),
  genericName: text('generic_name'),
  form: text('form'),
  strength: text('strength'),
  reorderLevel: integer('reorder_level').notNull().default(0),
  reorderQuantity: integer('reorder_quantity').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
