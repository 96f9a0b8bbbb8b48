import { type DbOrTx, facilityScope, hasEmergencyAccess, type Identity, inFacilityScope, isUuid } from '@clinigraph/kit';
import { eq, exists, inArray, or, type SQL, sql } from 'drizzle-orm';
import { accountFacility, facility, patient, patientFacility } from '../db/schema.ts';

/**
 * Facility scoping of patients. A patient belongs to the facilities in `patient_facility` (registered
 * there, registered by its staff, booked or seen there); confined staff see a patient of one of their
 * facilities, or one whose chart they opened by break-the-glass. Network admins, services and patients
 * (whom the own-record rule confines instead) are not confined.
 */

/** The SQL condition on `people.patient` that keeps the patients the caller may see, or undefined for all. */
export function patientScopeCondition(identity: Identity | null): SQL | undefined {
  const scope = facilityScope(identity);
  if (scope === null) return undefined;
  const emergency = identity?.emergencyPatientIds ?? [];
  const member = scope.length
    ? exists(sql`(select 1 from ${patientFacility} where ${patientFacility.patientId} = ${patient.id} and ${inArray(patientFacility.facilityId, [...scope])})`)
    : undefined;
  const opened = emergency.length ? inArray(patient.id, emergency) : undefined;
  return or(member, opened) ?? sql`false`;
}

/** Whether a patient of these facilities is the caller's to see (in scope, or opened by break-the-glass). */
export function canSeePatientOf(identity: Identity | null, patientId: string, facilityIds: readonly string[]): boolean {
  if (facilityScope(identity) === null) return true;
  return facilityIds.some((f) => inFacilityScope(identity, f)) || hasEmergencyAccess(identity, patientId);
}

/** Whether the caller sees the patient only because they opened the chart by break-the-glass (their reads are audited as such). */
export const viaEmergencyOnly = (identity: Identity | null, patientId: string, facilityIds: readonly string[]): boolean =>
  facilityScope(identity) !== null && !facilityIds.some((f) => inFacilityScope(identity, f)) && hasEmergencyAccess(identity, patientId);

/** The facilities a patient belongs to. */
export async function facilitiesOfPatient(db: DbOrTx, patientId: string): Promise<string[]> {
  const rows = await db.select({ id: patientFacility.facilityId }).from(patientFacility).where(eq(patientFacility.patientId, patientId));
  return rows.map((r) => r.id);
}

/**
 * Links a patient to a facility; answers whether the link is new. Idempotent, and a no-op when either
 * record does not exist (an event may name a patient or facility this database never had).
 */
export async function linkPatientToFacility(db: DbOrTx, patientId: string, facilityId: string, since: Date = new Date()): Promise<boolean> {
  const inserted = await db
    .insert(patientFacility)
    .select(
      db
        .select({ patientId: patient.id, facilityId: facility.id, since: sql<Date>`${since.toISOString()}::timestamptz`.as('since') })
        .from(patient)
        .innerJoin(facility, eq(facility.id, facilityId))
        .where(eq(patient.id, patientId)),
    )
    .onConflictDoNothing()
    .returning({ patientId: patientFacility.patientId });
  return inserted.length > 0;
}

/**
 * The facility a member of staff registers patients at when they name none: their only facility (from
 * their account, so a network admin who works at one site registers there too), or null when they work
 * at several or none.
 */
export async function soleFacilityOf(db: DbOrTx, identity: Identity | null): Promise<string | null> {
  if (!identity || !isUuid(identity.userId)) return null;
  const rows = await db.select({ id: accountFacility.facilityId }).from(accountFacility).where(eq(accountFacility.accountId, identity.userId)).limit(2);
  return rows.length === 1 ? rows[0]!.id : null;
}
