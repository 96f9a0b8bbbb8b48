import {
  assertFacilityAccess,
  badInput,
  type Context,
  type DbOrTx,
  facilityScope,
  type Identity,
  inFacilityScope,
  isUuid,
  notFound,
  parseInput,
  requireCapability,
  requireIdentity,
} from '@clinigraph/kit';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { department, facility, provider, providerDepartment, providerFacility } from '../db/schema.ts';
import { amountMinor, currency, labelList, name, optionalText, uuidList } from './inputs.ts';
import { facilitiesByProvider, type ProviderRow, providerById } from './loaders.ts';
import { providerScopeCondition } from './provider-scope.ts';

const idSet = uuidList.transform((ids) => [...new Set(ids)]);

const createProviderSchema = z.object({
  givenName: name,
  familyName: name,
  title: optionalText(40),
  specialty: name.max(200),
  qualifications: labelList.nullish().transform((q) => q ?? []),
  licenseNumber: optionalText(100),
  consultationFeeMinor: amountMinor,
  currency,
  departmentIds: idSet.nullish().transform((ids) => ids ?? []),
  facilityIds: idSet.nullish().transform((ids) => ids ?? []),
});

const updateProviderSchema = z.object({
  givenName: name.optional(),
  familyName: name.optional(),
  title: optionalText(40),
  specialty: name.max(200).optional(),
  qualifications: labelList.optional(),
  licenseNumber: optionalText(100),
  consultationFeeMinor: amountMinor.optional(),
  currency: currency.optional(),
  departmentIds: idSet.optional(),
  facilityIds: idSet.optional(),
});

/**
 * Checks the facilities exist and every department belongs to one of them: a provider works in a
 * department of a facility they work at.
 */
async function checkPlaces(tx: DbOrTx, facilityIds: string[], departmentIds: string[]): Promise<void> {
  if (facilityIds.length) {
    const found = await tx.select({ id: facility.id }).from(facility).where(inArray(facility.id, facilityIds));
    if (found.length !== facilityIds.length) throw badInput('facilityIds: no such facility', [{ path: 'facilityIds', message: 'no such facility' }]);
  }
  if (departmentIds.length) {
    const found = await tx.select().from(department).where(inArray(department.id, departmentIds));
    if (found.length !== departmentIds.length) throw badInput('departmentIds: no such department', [{ path: 'departmentIds', message: 'no such department' }]);
    if (found.some((d) => !facilityIds.includes(d.facilityId))) {
      const message = "every department must belong to one of the provider's facilities";
      throw badInput(`departmentIds: ${message}`, [{ path: 'departmentIds', message }]);
    }
  }
}

async function linkPlaces(tx: DbOrTx, providerId: string, facilityIds: string[], departmentIds: string[]): Promise<void> {
  await tx.delete(providerFacility).where(eq(providerFacility.providerId, providerId));
  await tx.delete(providerDepartment).where(eq(providerDepartment.providerId, providerId));
  if (facilityIds.length) await tx.insert(providerFacility).values(facilityIds.map((facilityId) => ({ providerId, facilityId })));
  if (departmentIds.length) await tx.insert(providerDepartment).values(departmentIds.map((departmentId) => ({ providerId, departmentId })));
}

export async function createProvider(ctx: Context, input: unknown): Promise<ProviderRow> {
  const admin = requireCapability(ctx, 'provider.manage');
  const { departmentIds, facilityIds, ...values } = parseInput(createProviderSchema, input);
  for (const id of facilityIds) assertFacilityAccess(ctx, id, 'Facility');
  return ctx.db.transaction(async (tx) => {
    await assertDepartmentsInScope(tx, admin, departmentIds);
    await checkPlaces(tx, facilityIds, departmentIds);
    const [row] = await tx.insert(provider).values(values).returning();
    await linkPlaces(tx, row!.id, facilityIds, departmentIds);
    await ctx.audit.write(tx, {
      action: 'create',
      entityType: 'Provider',
      entityId: row!.id,
      detail: { specialty: values.specialty, facilityIds, departmentIds },
    });
    return row!;
  });
}

export async function updateProvider(ctx: Context, id: string, input: unknown): Promise<ProviderRow> {
  const admin = requireCapability(ctx, 'provider.manage');
  const v = parseInput(updateProviderSchema, input);
  const { departmentIds, facilityIds, ...rest } = v;
  const values = Object.fromEntries(Object.entries(rest).filter(([, x]) => x !== undefined)) as Partial<typeof provider.$inferInsert>;
  const fields = (Object.keys(v) as (keyof typeof v)[]).filter((k) => v[k] !== undefined);
  if (fields.length === 0) throw badInput('Nothing to change');
  return ctx.db.transaction(async (tx) => {
    const [current] = isUuid(id)
      ? await tx
          .select()
          .from(provider)
          .where(and(eq(provider.id, id), providerScopeCondition(admin)))
          .for('update')
      : [];
    if (!current) throw notFound('Provider');
    for (const f of facilityIds ?? []) assertFacilityAccess(ctx, f, 'Facility');
    await assertDepartmentsInScope(tx, admin, departmentIds ?? []);
    let row = current;
    if (Object.keys(values).length) [row] = (await tx.update(provider).set(values).where(eq(provider.id, id)).returning()) as [ProviderRow];
    if (facilityIds || departmentIds) {
      const currentFacs = (await tx.select({ id: providerFacility.facilityId }).from(providerFacility).where(eq(providerFacility.providerId, id))).map(
        (r) => r.id,
      );
      const currentDeps = await tx
        .select({ id: department.id, facilityId: department.facilityId })
        .from(providerDepartment)
        .innerJoin(department, eq(department.id, providerDepartment.departmentId))
        .where(eq(providerDepartment.providerId, id));
      // A list given replaces what the admin sees; the provider's places at other facilities (not theirs to change) stay.
      const outside = (f: string) => !inFacilityScope(admin, f);
      const facs = facilityIds ? [...facilityIds, ...currentFacs.filter(outside)] : currentFacs;
      const deps = departmentIds ? [...departmentIds, ...currentDeps.filter((d) => outside(d.facilityId)).map((d) => d.id)] : currentDeps.map((d) => d.id);
      await checkPlaces(tx, facs, deps);
      await linkPlaces(tx, id, facs, deps);
    }
    await ctx.audit.write(tx, { action: 'update', entityType: 'Provider', entityId: id, detail: { fields } });
    return row;
  });
}

/** A provider the caller may see (staff: one of their facilities'); another facility's is NOT_FOUND. */
export async function readProvider(ctx: Context, id: string): Promise<ProviderRow> {
  requireIdentity(ctx);
  const [row] = isUuid(id)
    ? await ctx.db
        .select()
        .from(provider)
        .where(and(eq(provider.id, id), providerScopeCondition(ctx.identity)))
    : [];
  if (!row) throw notFound('Provider');
  return row;
}

/** The providers the caller may see, by specialty. */
export async function listProviders(ctx: Context, specialty: string | null | undefined): Promise<ProviderRow[]> {
  requireIdentity(ctx);
  return ctx.db
    .select()
    .from(provider)
    .where(and(specialty ? eq(provider.specialty, specialty) : undefined, providerScopeCondition(ctx.identity)))
    .orderBy(asc(provider.familyName), asc(provider.givenName));
}

/** The provider of a reference (`_entities`), or null when the caller may not see it. */
export async function providerReference(ctx: Context, id: string): Promise<ProviderRow | null> {
  requireIdentity(ctx);
  const row = isUuid(id) ? await providerById(ctx).load(id) : null;
  if (!row || facilityScope(ctx.identity) === null) return row;
  const places = (await facilitiesByProvider(ctx).load(id)) ?? [];
  return places.length === 0 || places.some((f) => inFacilityScope(ctx.identity, f.id)) ? row : null;
}

/** Departments named for a provider must be of the admin's facilities: another's is NOT_FOUND. */
async function assertDepartmentsInScope(tx: DbOrTx, admin: Identity, departmentIds: string[]): Promise<void> {
  if (!departmentIds.length || facilityScope(admin) === null) return;
  const found = await tx.select({ facilityId: department.facilityId }).from(department).where(inArray(department.id, departmentIds));
  if (found.some((d) => !inFacilityScope(admin, d.facilityId))) throw notFound('Department');
}
