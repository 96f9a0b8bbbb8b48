import {
  AppError,
  assertFacilityAccess,
  badInput,
  type Context,
  type DbOrTx,
  ErrorCode,
  emitEvent,
  type FacilityChangedPayload,
  facilityScope,
  forbidden,
  inFacilityScope,
  isUuid,
  notFound,
  parseInput,
  pgErrorInfo,
  requireCapability,
  requireIdentity,
  SqlState,
  Topics,
} from '@clinigraph/kit';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { department, facility } from '../db/schema.ts';
import { name, optionalText, phone, timeZone, uuid } from './inputs.ts';
import { type FacilityRow, facilityById } from './loaders.ts';

export type DepartmentRow = typeof department.$inferSelect;

const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,15}$/, 'must be 2–16 letters, digits or dashes');

const facilityFields = {
  code,
  name: name.max(200),
  timezone: timeZone,
  address: optionalText(500),
  phone: phone.nullish(),
};
const createFacilitySchema = z.object(facilityFields);
const updateFacilitySchema = z.object({
  code: code.optional(),
  name: name.max(200).optional(),
  timezone: timeZone.optional(),
  address: optionalText(500),
  phone: phone.nullish(),
});

/** A duplicate (CONFLICT) that names the field it concerns, so a form can mark it. */
const duplicate = (message: string, path: string, issue: string) => new AppError(ErrorCode.CONFLICT, message, { issues: [{ path, message: issue }] });

function translate(err: unknown): never {
  const info = pgErrorInfo(err);
  if (info?.code === SqlState.UNIQUE_VIOLATION) {
    if (info.constraint === 'facility_code_unique') throw duplicate('A facility with this code already exists', 'code', 'is already used by another facility');
    if (info.constraint === 'department_facility_name_uq')
      throw duplicate('This facility already has a department with this name', 'name', 'is already a department of this facility');
  }
  throw err;
}

const defined = <T extends object>(v: T) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as Partial<T>;

/** Tells the other subgraphs (supply's daily expiry check) what they keep of a facility; the transaction's last write. */
export async function emitFacilityChanged(tx: DbOrTx, row: Pick<FacilityRow, 'id' | 'timezone'>, actorId: string | null): Promise<void> {
  const payload: FacilityChangedPayload = { timezone: row.timezone };
  await emitEvent(tx, { topic: Topics.facilityChanged, entityType: 'Facility', entityId: row.id, facilityId: row.id, actorId, payload: { ...payload } });
}

/**
 * The facilities the caller may see: staff confined to facilities, their own; network admins, services and
 * patients (who choose where to book), every one.
 */
export async function listFacilities(ctx: Context): Promise<FacilityRow[]> {
  const identity = requireIdentity(ctx);
  const scope = facilityScope(identity);
  return ctx.db
    .select()
    .from(facility)
    .where(scope === null ? undefined : scope.length ? inArray(facility.id, [...scope]) : sql`false`)
    .orderBy(asc(facility.name));
}

/** A facility the caller may see; another is NOT_FOUND, as a missing one. */
export async function readFacility(ctx: Context, id: string): Promise<FacilityRow> {
  requireIdentity(ctx);
  const row = isUuid(id) && inFacilityScope(ctx.identity, id) ? await facilityById(ctx).load(id) : null;
  if (!row) throw notFound('Facility');
  return row;
}

/** The facility of a reference (`_entities`), or null when it is not one of the caller's. */
export async function facilityReference(ctx: Context, id: string): Promise<FacilityRow | null> {
  requireIdentity(ctx);
  return isUuid(id) && inFacilityScope(ctx.identity, id) ? facilityById(ctx).load(id) : null;
}

/** A new site of the network: network admins only (an admin confined to their facilities would never see it). */
export async function createFacility(ctx: Context, input: unknown): Promise<FacilityRow> {
  const identity = requireCapability(ctx, 'facility.manage');
  if (facilityScope(identity) !== null) throw forbidden('Only a network admin may add a facility to the network');
  const v = parseInput(createFacilitySchema, input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(facility).values(v).returning();
      await ctx.audit.write(tx, { action: 'create', entityType: 'Facility', entityId: row!.id, detail: { code: v.code, timezone: v.timezone } });
      await emitFacilityChanged(tx, row!, identity.userId);
      return row!;
    });
  } catch (err) {
    translate(err);
  }
}

export async function updateFacility(ctx: Context, id: string, input: unknown): Promise<FacilityRow> {
  const identity = requireCapability(ctx, 'facility.manage');
  const changes = defined(parseInput(updateFacilitySchema, input));
  const fields = Object.keys(changes);
  if (fields.length === 0) throw badInput('Nothing to change');
  assertFacilityAccess(ctx, id, 'Facility');
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = isUuid(id) ? await tx.update(facility).set(changes).where(eq(facility.id, id)).returning() : [];
      if (!row) throw notFound('Facility');
      await ctx.audit.write(tx, { action: 'update', entityType: 'Facility', entityId: id, detail: { fields } });
      if (changes.timezone !== undefined) await emitFacilityChanged(tx, row, identity.userId);
      return row;
    });
  } catch (err) {
    translate(err);
  }
}

const createDepartmentSchema = z.object({ facilityId: uuid, name: name.max(200) });

export async function createDepartment(ctx: Context, input: unknown): Promise<DepartmentRow> {
  requireCapability(ctx, 'facility.manage');
  const v = parseInput(createDepartmentSchema, input);
  assertFacilityAccess(ctx, v.facilityId, 'Facility');
  try {
    return await ctx.db.transaction(async (tx) => {
      const [fac] = await tx.select({ id: facility.id }).from(facility).where(eq(facility.id, v.facilityId));
      if (!fac) throw badInput('facilityId: no such facility', [{ path: 'facilityId', message: 'no such facility' }]);
      const [row] = await tx.insert(department).values(v).returning();
      await ctx.audit.write(tx, { action: 'create', entityType: 'Department', entityId: row!.id, detail: { facilityId: v.facilityId, name: v.name } });
      return row!;
    });
  } catch (err) {
    translate(err);
  }
}

export async function updateDepartment(ctx: Context, id: string, input: unknown): Promise<DepartmentRow> {
  const identity = requireCapability(ctx, 'facility.manage');
  const v = parseInput(z.object({ name: name.max(200) }), input);
  const scope = facilityScope(identity);
  try {
    return await ctx.db.transaction(async (tx) => {
      // Another facility's department is NOT_FOUND, as a missing one.
      const inScope = scope === null ? undefined : scope.length ? inArray(department.facilityId, [...scope]) : sql`false`;
      const [row] = isUuid(id)
        ? await tx
            .update(department)
            .set({ name: v.name })
            .where(and(eq(department.id, id), inScope))
            .returning()
        : [];
      if (!row) throw notFound('Department');
      await ctx.audit.write(tx, { action: 'update', entityType: 'Department', entityId: id, detail: { name: v.name } });
      return row;
    });
  } catch (err) {
    translate(err);
  }
}
