import { type PatientColumn, type PatientMergedPayload, patientMergeConsumer, repointPatientRows, type Tx } from '@clinigraph/kit';
import { and, eq, exists, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { appointment, appointmentSeries, notification, patientMerge, waitlistEntry } from '../db/schema.ts';

/** The states the overlap rules ignore (as in the exclusion constraints). */
const INACTIVE: ('cancelled' | 'no_show')[] = ['cancelled', 'no_show'];

const patientColumns: Record<string, PatientColumn> = {
  appointmentSeries: { table: appointmentSeries, patientId: appointmentSeries.patientId },
  appointment: { table: appointment, patientId: appointment.patientId },
  waitlistEntry: { table: waitlistEntry, patientId: waitlistEntry.patientId },
  notification: { table: notification, patientId: notification.patientId },
};

/**
 * Flags the merged record's active appointments that overlap an active one of the survivor's. By design
 * both are kept: a merge never cancels a booking on its own, and reception sees the pair on the survivor's
 * list. Only these leave the per-patient overlap rule; the per-provider rule still holds for every row.
 */
async function flagOverlaps(tx: Tx, { survivorId, mergedId }: PatientMergedPayload): Promise<number> {
  const kept = alias(appointment, 'kept');
  const flagged = await tx
    .update(appointment)
    .set({ mergeOverlap: true })
    .where(
      and(
        eq(appointment.patientId, mergedId),
        notInArray(appointment.status, INACTIVE),
        exists(
          tx
            .select({ id: kept.id })
            .from(kept)
            .where(
              and(
                eq(kept.patientId, survivorId),
                notInArray(kept.status, INACTIVE),
                eq(kept.mergeOverlap, false),
                sql`tstzrange(${kept.startsAt}, ${kept.endsAt}, '[)') && tstzrange(${appointment.startsAt}, ${appointment.endsAt}, '[)')`,
              ),
            ),
        ),
      ),
    )
    .returning({ id: appointment.id });
  return flagged.length;
}

/** On `patient.merged`, the merged record's bookings, series, waitlist entries and notifications become the survivor's. */
export const schedulingPatientMerge = patientMergeConsumer('scheduling', patientMerge, async (tx, merge) => {
  const overlapsKept = await flagOverlaps(tx, merge);
  const moved = await repointPatientRows(tx, patientColumns, merge);
  return overlapsKept ? { ...moved, overlapsKept } : moved;
});
