import { sql } from 'drizzle-orm';
import { check, index, integer, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { item, location, supplier } from './catalogue.ts';
import { createdAt, id, supply, updatedAt } from './namespace.ts';

export const purchaseOrderStatusEnum = supply.enum('purchase_order_status', ['draft', 'ordered', 'partially_received', 'received', 'cancelled']);
export const purchaseOrderNumberSeq = supply.sequence('purchase_order_number_seq', { startWith: 1001 });

export const purchaseOrder = supply.table(
  'purchase_order',
  {
    id: id(),
    number: text('number').notNull().default(sql`('PO-' || nextval('supply.purchase_order_number_seq')::text)`),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => supplier.id),
    facilityId: uuid('facility_id').notNull(),
    deliverToLocationId: uuid('deliver_to_location_id')
      .notNull()
      .references(() => location.id),
    status: purchaseOrderStatusEnum('status').notNull().default('draft'),
    note: text('note'),
    createdBy: uuid('created_by'),
    orderedAt: timestamp('ordered_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('purchase_order_number_uq').on(t.number), index('purchase_order_facility_status_idx').on(t.facilityId, t.status)],
);

export const purchaseOrderLine = supply.table(
  'purchase_order_line',
  {
    id: id(),
    purchaseOrderId: uuid('purchase_order_id')
      .notNull()
      .references(() => purchaseOrder.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => item.id),
    quantityOrdered: integer('quantity_ordered').notNull(),
    quantityReceived: integer('quantity_received').notNull().default(0),
    unitCostMinor: integer('unit_cost_minor'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('purchase_order_line_item_uq').on(t.purchaseOrderId, t.itemId),
    index('purchase_order_line_item_idx').on(t.itemId),
    check('purchase_order_line_quantities', sql`${t.quantityOrdered} > 0 and ${t.quantityReceived} >= 0`),
    check('purchase_order_line_cost_nonnegative', sql`${t.unitCostMinor} is null or ${t.unitCostMinor} >= 0`),
  ],
);
