import type { DbOrTx } from '@clinigraph/kit';
import { and, asc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { appointment } from '../db/schema.ts';
import type { AppointmentRow } from './loaders.ts';

export interface AppointmentRange {
  from: Date;
  to: Date;
  patientId?: string;
  providerId?: string;
  facilityId?: string;
  status?: AppointmentRow['status'];
  /** The caller's facilities (facility-scope.ts `visibleAt`): one more condition of the same statement. */
  visible?: SQL;
}

/** At most this many appointments in one answer. */
export const MAX_APPOINTMENTS = 500;

/**
 * Appointments starting in [from, to), in start order: a facility's day board reads
 * appointment_facility_starts_idx, a provider's day appointment_provider_starts_idx.
 */
export const appointmentsStarting = (db: DbOrTx, r: AppointmentRange) =>
  db
    .select()
    .from(appointment)
    .where(
      and(
        gte(appointment.startsAt, r.from),
        lt(appointment.startsAt, r.to),
        r.patientId ? eq(appointment.patientId, r.patientId) : undefined,
        r.providerId ? eq(appointment.providerId, r.providerId) : undefined,
        r.facilityId ? eq(appointment.facilityId, r.facilityId) : undefined,
        r.status ? eq(appointment.status, r.status) : undefined,
        r.visible,
      ),
    )
    .orderBy(asc(appointment.startsAt))
    .limit(MAX_APPOINTMENTS);
