import { type Context, facilityScope, type Identity } from '@clinigraph/kit';
import { type AnyColumn, inArray, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { encounter, prescription } from '../db/schema.ts';

/**
 * Facility scoping of care's records, as SQL conditions the db layer adds to its queries (so paging,
 * limits and counts stay right and the number of statements does not grow). Each condition is
 * `undefined` for callers who see every facility (network admins, services, patients: `and()` drops it).
 *
 * Where a record's facility comes from:
 * - encounters, lab orders and prescriptions carry their own `facility_id`;
 * - vitals, notes, diagnoses, radiology orders, referrals and dental findings and plans hang off an
 *   encounter and follow its facility (`encounterFacility`);
 * - lab items and results follow their order, prescription lines and renewal requests their prescription;
 * - certificates and documents carry their own `facility_id` (migration 0009): the encounter's when filed
 *   under one, otherwise where the caller works (see `filingFacility`). A certificate a patient asks for
 *   goes to the facility of their latest visit. One with no facility at all (a patient with no visit yet,
 *   or filed by someone who works at several) belongs to the patient's record as a whole and is seen
 *   wherever the patient's chart may be read.
 */

/** The facility of a record hanging off an encounter: the encounter's, looked up by the primary key. */
export const encounterFacility = (encounterId: AnyColumn): SQL =>
  sql`(select ${encounter.facilityId} from ${encounter} where ${encounter.id} = ${encounterId})`;

/** The facility of a record hanging off a prescription (a renewal request): the prescription's. */
export const prescriptionFacility = (prescriptionId: AnyColumn): SQL =>
  sql`(select ${prescription.facilityId} from ${prescription} where ${prescription.id} = ${prescriptionId})`;

/** The caller's facilities as a condition on a record's facility: what staff may change (and list in worklists). */
export function inFacilities(identity: Identity | null, facility: SQLWrapper | AnyColumn, nullable = false): SQL | undefined {
  const scope = facilityScope(identity);
  if (scope === null) return undefined;
  const within = scope.length ? inArray(facility, [...scope]) : sql`false`;
  return nullable ? (or(sql`${facility} is null`, within) as SQL) : within;
}

/**
 * What of a patient's chart the caller may read: records of their facilities, and every record of a
 * patient whose chart they opened by break-the-glass (`canSeePatientAt`, as SQL).
 */
export function chartVisible(identity: Identity | null, facility: SQLWrapper | AnyColumn, patientId: AnyColumn, nullable = false): SQL | undefined {
  const within = inFacilities(identity, facility, nullable);
  if (!within) return undefined;
  const emergency = identity?.emergencyPatientIds ?? [];
  return emergency.length ? (or(within, inArray(patientId, emergency)) as SQL) : within;
}

/** The one facility a record filed without an encounter belongs to: the caller's, when they work at exactly one. */
export function callerFacility(ctx: Context): string | null {
  const scope = facilityScope(ctx.identity);
  return scope?.length === 1 ? scope[0]! : null;
}
