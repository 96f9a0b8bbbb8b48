import { byKey, type Context, defineLoader, groupByKey } from '@clinigraph/kit';
import { asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import {
  account,
  accountFacility,
  allergy,
  department,
  emergencyContact,
  facility,
  insuranceDetail,
  patient,
  patientFacility,
  provider,
  providerDepartment,
  providerFacility,
} from '../db/schema.ts';

export type PatientRow = typeof patient.$inferSelect;
export type ProviderRow = typeof provider.$inferSelect;
export type FacilityRow = typeof facility.$inferSelect;
export type AccountRow = typeof account.$inferSelect;

/** A patient with the facilities they belong to, which decide who sees them (patient-scope.ts). */
export type ScopedPatientRow = PatientRow & { facilityIds: string[] };

export const patientById = defineLoader<Context, string, ScopedPatientRow>(async (ctx, ids) =>
  byKey(
    ids,
    await ctx.db
      .select({
        ...getTableColumns(patient),
        facilityIds: sql<
          string[]
        >`array(select ${patientFacility.facilityId}::text from ${patientFacility} where ${patientFacility.patientId} = ${patient.id})`,
      })
      .from(patient)
      .where(inArray(patient.id, [...ids])),
    (r) => r.id,
  ),
);

export const providerById = defineLoader<Context, string, ProviderRow>(async (ctx, ids) =>
  byKey(
    ids,
    await ctx.db
      .select()
      .from(provider)
      .where(inArray(provider.id, [...ids])),
    (r) => r.id,
  ),
);

export const facilityById = defineLoader<Context, string, FacilityRow>(async (ctx, ids) =>
  byKey(
    ids,
    await ctx.db
      .select()
      .from(facility)
      .where(inArray(facility.id, [...ids])),
    (r) => r.id,
  ),
);

export const accountById = defineLoader<Context, string, AccountRow>(async (ctx, ids) =>
  byKey(
    ids,
    await ctx.db
      .select()
      .from(account)
      .where(inArray(account.id, [...ids])),
    (r) => r.id,
  ),
);

export const allergiesByPatient = defineLoader<Context, string, (typeof allergy.$inferSelect)[]>(async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.db
      .select()
      .from(allergy)
      .where(inArray(allergy.patientId, [...ids]))
      .orderBy(allergy.recordedAt),
    (r) => r.patientId,
  ),
);

export const emergencyContactsByPatient = defineLoader<Context, string, (typeof emergencyContact.$inferSelect)[]>(async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.db
      .select()
      .from(emergencyContact)
      .where(inArray(emergencyContact.patientId, [...ids]))
      .orderBy(emergencyContact.createdAt),
    (r) => r.patientId,
  ),
);

export const insuranceByPatient = defineLoader<Context, string, (typeof insuranceDetail.$inferSelect)[]>(async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.db
      .select()
      .from(insuranceDetail)
      .where(inArray(insuranceDetail.patientId, [...ids]))
      .orderBy(insuranceDetail.createdAt),
    (r) => r.patientId,
  ),
);

export type DepartmentRow = typeof department.$inferSelect;

/** Departments per facility, one query for every facility a request touches. */
export const departmentsByFacility = defineLoader<Context, string, DepartmentRow[]>(async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.db
      .select()
      .from(department)
      .where(inArray(department.facilityId, [...ids]))
      .orderBy(asc(department.name)),
    (r) => r.facilityId,
  ),
);

export const departmentsByProvider = defineLoader<Context, string, DepartmentRow[]>(async (ctx, ids) => {
  const rows = await ctx.db
    .select({ owner: providerDepartment.providerId, department })
    .from(providerDepartment)
    .innerJoin(department, eq(department.id, providerDepartment.departmentId))
    .where(inArray(providerDepartment.providerId, [...ids]))
    .orderBy(asc(department.name));
  return groupByKey(ids, rows, (r) => r.owner).map((list) => list.map((r) => r.department));
});

export const facilitiesByProvider = defineLoader<Context, string, FacilityRow[]>(async (ctx, ids) => {
  const rows = await ctx.db
    .select({ owner: providerFacility.providerId, facility })
    .from(providerFacility)
    .innerJoin(facility, eq(facility.id, providerFacility.facilityId))
    .where(inArray(providerFacility.providerId, [...ids]))
    .orderBy(asc(facility.name));
  return groupByKey(ids, rows, (r) => r.owner).map((list) => list.map((r) => r.facility));
});

export const facilitiesByAccount = defineLoader<Context, string, FacilityRow[]>(async (ctx, ids) => {
  const rows = await ctx.db
    .select({ owner: accountFacility.accountId, facility })
    .from(accountFacility)
    .innerJoin(facility, eq(facility.id, accountFacility.facilityId))
    .where(inArray(accountFacility.accountId, [...ids]))
    .orderBy(asc(facility.name));
  return groupByKey(ids, rows, (r) => r.owner).map((list) => list.map((r) => r.facility));
});
