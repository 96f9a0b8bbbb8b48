import { facilityScope, type Identity } from '@clinigraph/kit';
import { type AnyColumn, inArray, or, type SQL } from 'drizzle-orm';

/**
 * The caller's facilities as one SQL condition on a facility column, so lists filter where they are
 * read (paging, limits and counts stay right, and no statement is added): none for who sees every
 * facility (network admins, services, patients, who are confined to their own record instead), and
 * drizzle's `false` for staff of no facility.
 */
export function inScope(identity: Identity | null, facilityColumn: AnyColumn): SQL | undefined {
  const scope = facilityScope(identity);
  return scope === null ? undefined : inArray(facilityColumn, [...scope]);
}

/**
 * For patient records at a facility (appointments): in the caller's facilities, or of a patient whose
 * chart they opened by break-the-glass, the SQL form of the kit's `canSeePatientAt`.
 */
export function visibleAt(identity: Identity | null, facilityColumn: AnyColumn, patientColumn: AnyColumn): SQL | undefined {
  const facilities = inScope(identity, facilityColumn);
  const emergency = identity?.emergencyPatientIds ?? [];
  if (!facilities || !emergency.length) return facilities;
  return or(facilities, inArray(patientColumn, [...emergency]));
}
