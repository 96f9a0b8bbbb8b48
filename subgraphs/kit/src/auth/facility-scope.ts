import { notFound } from '../errors.ts';
import { isOwnRecordOnly } from './guards.ts';
import type { Identity } from './identity.ts';
import { can } from './policy.ts';

/**
 * Facility scoping, the second half of the access policy: a capability says what a member of staff may
 * do, their facilities say where. Staff see and change only the data of the facilities they belong to
 * (the token's `fac`); what belongs to another facility is NOT_FOUND, exactly as a missing record, so
 * ids cannot be probed. Network admins (`facility.all-sites`) and services see every facility; patients
 * are confined to their own record instead and see it at every facility.
 *
 * Subgraphs ask `facilityScope` once per query and filter in SQL (`inScope` in their db layer), and ask
 * `assertFacilityAccess` for one record they have loaded.
 */

/** Whoever is not confined to facilities: network-wide staff, services (their tokens carry no `fac`), and patients. */
const unconfined = (identity: Identity): boolean => identity.facilityIds === null || can(identity, 'facility.all-sites') || isOwnRecordOnly(identity);

/**
 * The facilities whose data the caller may see, or null for every facility. An empty list sees none.
 * Anonymous callers get an empty list: they see no facility's data.
 */
export function facilityScope(identity: Identity | null): readonly string[] | null {
  if (!identity) return [];
  return unconfined(identity) ? null : (identity.facilityIds ?? []);
}

/** Whether a record of this facility is within the caller's facilities. A record of no facility (null) is everyone's who may read it. */
export function inFacilityScope(identity: Identity | null, facilityId: string | null | undefined): boolean {
  if (facilityId == null) return true;
  const scope = facilityScope(identity);
  return scope === null || scope.includes(facilityId);
}

/** Throws NOT_FOUND (never FORBIDDEN: the record's existence is not told) when a record lies outside the caller's facilities. */
export function assertFacilityAccess(ctx: { identity: Identity | null }, facilityId: string | null | undefined, what: string): void {
  if (!inFacilityScope(ctx.identity, facilityId)) throw notFound(what);
}

/** Whether the caller opened this patient's chart by break-the-glass (the token's `btg`): a reason to read it outside their facilities. */
export const hasEmergencyAccess = (identity: Identity | null, patientId: string | null | undefined): boolean =>
  !!identity && !!patientId && (identity.emergencyPatientIds ?? []).includes(patientId);

/**
 * Whether a patient's record at this facility is the caller's to see: in their facilities, or opened
 * by break-the-glass. Subgraphs use it for patient-scoped records (chart entries, appointments, bills).
 */
export const canSeePatientAt = (identity: Identity | null, patientId: string | null | undefined, facilityId: string | null | undefined): boolean =>
  inFacilityScope(identity, facilityId) || hasEmergencyAccess(identity, patientId);
