import { sql } from 'drizzle-orm';
import { check, date, index, integer, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { item, location } from './catalogue.ts';
import { createdAt, id, supply, updatedAt } from './namespace.ts';

export const equipmentStatusEnum = supply.enum('equipment_status', ['in_service', 'out_of_service', 'retired']);
export const maintenanceKindEnum = supply.enum('maintenance_kind', ['preventive', 'calibration', 'repair', 'inspection']);

/** One physical piece of equipment: an item of kind equipment with a serial number and a place. */
export const equipment = supply.table(
  'equipment',
  {
    id: id(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => item.id),
    serialNumber: text('serial_number').notNull(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => location.id),
    status: equipmentStatusEnum('status').notNull().default('in_service'),
    maintenanceIntervalDays: integer('maintenance_interval_days'),
    lastMaintainedOn: date('last_maintained_on'),
    nextMaintenanceDue: date('next_maintenance_due'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('equipment_item_serial_uq').on(t.itemId, t.serialNumber),
    index('equipment_location_idx').on(t.locationId),
    index('equipment_due_idx').on(t.nextMaintenanceDue),
    check('equipment_interval_positive', sql`${t.maintenanceIntervalDays} is null or ${t.maintenanceIntervalDays} > 0`),
  ],
);

export const maintenanceRecord = supply.table(
  'maintenance_record',
  {
    id: id(),
    equipmentId: uuid('equipment_id')
      .notNull()
      .references(() => equipment.id),
    performedOn: date('performed_on').notNull(),
    kind: maintenanceKindEnum('kind').notNull(),
    notes: text('notes'),
    performedBy: uuid('performed_by'),
    nextDueOn: date('next_due_on'),
    createdAt: createdAt(),
  },
  (t) => [index('maintenance_record_equipment_idx').on(t.equipmentId, t.performedOn)],
);
