import { assertFacilityAccess, badInput, type Context, type DbOrTx, isUuid, notFound, parseInput, requireCapability, translateDbError } from '@clinigraph/kit';
import { and, asc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { equipment, location, maintenanceRecord } from '../db/schema.ts';
import { badRequest } from './errors.ts';
import { addDays, id, isoDate } from './inputs.ts';
import { dbToday, loadItems, loadLocation } from './lookups.ts';
import { assertFacility } from './scope.ts';

export type EquipmentRow = typeof equipment.$inferSelect;
export type MaintenanceRow = typeof maintenanceRecord.$inferSelect;

const interval = z.number().int().min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days');

const registerSchema = z.object({
  itemId: id,
  serialNumber: z.string().trim().min(1, 'is required').max(100),
  locationId: id,
  maintenanceIntervalDays: interval.nullish(),
  lastMaintainedOn: isoDate.nullish(),
});

const logSchema = z.object({
  equipmentId: id,
  performedOn: isoDate,
  kind: z.enum(['preventive', 'calibration', 'repair', 'inspection']),
  notes: z.string().trim().max(2000).nullish(),
  nextDueOn: isoDate.nullish(),
});

const updateSchema = z.object({
  equipmentId: id,
  locationId: id.nullish(),
  status: z.enum(['in_service', 'out_of_service', 'retired']).nullish(),
  maintenanceIntervalDays: interval.nullish(),
});

/** Equipment at a location of the caller's facilities (locked for the change), else NOT_FOUND. */
async function loadEquipment(db: DbOrTx, ctx: Pick<Context, 'identity'>, equipmentId: string): Promise<EquipmentRow> {
  if (!isUuid(equipmentId)) throw notFound('Equipment');
  // An alias, because drizzle writes `FOR UPDATE OF` schema-qualified, which Postgres rejects.
  const e = alias(equipment, 'e');
  const [row] = await db
    .select({ equipment: e, facilityId: location.facilityId })
    .from(e)
    .innerJoin(location, eq(location.id, e.locationId))
    .where(eq(e.id, equipmentId))
    .for('update', { of: e });
  if (!row) throw notFound('Equipment');
  assertFacilityAccess(ctx, row.facilityId, 'Equipment');
  return row.equipment;
}

/** A piece of equipment with its serial number; never maintained with an interval means due today. */
export async function registerEquipment(ctx: Context, input: unknown): Promise<EquipmentRow> {
  requireCapability(ctx, 'equipment.manage');
  const data = parseInput(registerSchema, input);
  const item = (await loadItems(ctx.db, [data.itemId])).get(data.itemId)!;
  if (item.kind !== 'equipment') throw badRequest('Only items of kind EQUIPMENT can be registered as equipment', { itemId: item.id });
  await loadLocation(ctx.db, data.locationId, ctx);
  const now = await dbToday(ctx.db);
  if (data.lastMaintainedOn && data.lastMaintainedOn > now)
    throw badInput('The last maintenance cannot be in the future', [{ path: 'lastMaintainedOn', message: 'cannot be in the future' }]);
  const interval = data.maintenanceIntervalDays ?? null;
  const next = interval ? (data.lastMaintainedOn ? addDays(data.lastMaintainedOn, interval) : now) : null;
  const [row] = await ctx.db
    .insert(equipment)
    .values({
      itemId: item.id,
      serialNumber: data.serialNumber,
      locationId: data.locationId,
      maintenanceIntervalDays: interval,
      lastMaintainedOn: data.lastMaintainedOn ?? null,
      nextMaintenanceDue: next,
    })
    .returning()
    .catch((err: unknown) =>
      translateDbError(err, {
        equipment_item_serial_uq: () =>
          badInput('This serial number is already registered for this equipment', [
            { path: 'serialNumber', message: 'is already registered for this equipment' },
          ]),
      }),
    );
  return row!;
}

/** Moves equipment, changes its status or its maintenance interval. */
export async function updateEquipment(ctx: Context, input: unknown): Promise<EquipmentRow> {
  requireCapability(ctx, 'equipment.manage');
  const data = parseInput(updateSchema, input);
  return ctx.db.transaction(async (tx) => {
    const row = await loadEquipment(tx, ctx, data.equipmentId);
    if (data.locationId) await loadLocation(tx, data.locationId, ctx);
    const intervalDays = data.maintenanceIntervalDays ?? row.maintenanceIntervalDays;
    const next = data.maintenanceIntervalDays && row.lastMaintainedOn ? addDays(row.lastMaintainedOn, data.maintenanceIntervalDays) : row.nextMaintenanceDue;
    const [updated] = await tx
      .update(equipment)
      .set({
        locationId: data.locationId ?? row.locationId,
        status: data.status ?? row.status,
        maintenanceIntervalDays: intervalDays,
        nextMaintenanceDue: next,
        updatedAt: sql`now()`,
      })
      .where(eq(equipment.id, row.id))
      .returning();
    return updated!;
  });
}

/**
 * Logs maintenance. Preventive work, calibration and inspection restart the schedule (next due =
 * performed + interval, unless a date is given); a repair does not.
 */
export async function logMaintenance(ctx: Context, input: unknown): Promise<MaintenanceRow> {
  const identity = requireCapability(ctx, 'equipment.manage');
  const data = parseInput(logSchema, input);
  return ctx.db.transaction(async (tx) => {
    const row = await loadEquipment(tx, ctx, data.equipmentId);
    const now = await dbToday(tx);
    if (data.performedOn > now) throw badRequest('performedOn cannot be in the future');
    if (data.nextDueOn && data.nextDueOn <= data.performedOn) throw badRequest('nextDueOn must be after performedOn');
    const restarts = data.kind !== 'repair';
    const next = data.nextDueOn ?? (restarts && row.maintenanceIntervalDays ? addDays(data.performedOn, row.maintenanceIntervalDays) : row.nextMaintenanceDue);
    const last = restarts && (!row.lastMaintainedOn || data.performedOn > row.lastMaintainedOn) ? data.performedOn : row.lastMaintainedOn;
    const [record] = await tx
      .insert(maintenanceRecord)
      .values({ equipmentId: row.id, performedOn: data.performedOn, kind: data.kind, notes: data.notes ?? null, performedBy: identity.userId, nextDueOn: next })
      .returning();
    await tx.update(equipment).set({ lastMaintainedOn: last, nextMaintenanceDue: next, updatedAt: sql`now()` }).where(eq(equipment.id, row.id));
    return record!;
  });
}

/** Equipment in service whose maintenance falls due within `withinDays` (0: due today or overdue). */
export async function maintenanceDue(ctx: Context, facilityId: string, withinDays: number | null | undefined): Promise<EquipmentRow[]> {
  requireCapability(ctx, 'stock.read');
  if (!isUuid(facilityId)) throw notFound('Facility');
  assertFacility(ctx, facilityId);
  const days = parseInput(z.number().int().min(0).max(3650), withinDays ?? 0);
  const horizon = addDays(await dbToday(ctx.db), days);
  const rows = await ctx.db
    .select({ equipment })
    .from(equipment)
    .innerJoin(location, eq(location.id, equipment.locationId))
    .where(
      and(
        eq(location.facilityId, facilityId),
        eq(equipment.status, 'in_service'),
        isNotNull(equipment.nextMaintenanceDue),
        lte(equipment.nextMaintenanceDue, horizon),
      ),
    )
    .orderBy(asc(equipment.nextMaintenanceDue), asc(equipment.serialNumber));
  return rows.map((r) => r.equipment);
}

export async function listEquipment(ctx: Context, facilityId: string): Promise<EquipmentRow[]> {
  requireCapability(ctx, 'stock.read');
  if (!isUuid(facilityId)) throw notFound('Facility');
  assertFacility(ctx, facilityId);
  const locations = ctx.db.select({ id: location.id }).from(location).where(eq(location.facilityId, facilityId));
  return ctx.db.select().from(equipment).where(inArray(equipment.locationId, locations)).orderBy(asc(equipment.serialNumber));
}
