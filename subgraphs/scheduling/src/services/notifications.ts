import { type DbOrTx, facilityScope, hasEmergencyAccess, type Identity } from '@clinigraph/kit';
import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { appointment, notification, waitlistOffer } from '../db/schema.ts';

export type NotificationKind = 'reminder' | 'waitlist_offer';

/** An in-app notification for a patient, written in the caller's transaction. */
export async function notifyPatient(
  tx: DbOrTx,
  n: { patientId: string; kind: NotificationKind; title: string; body: string; appointmentId?: string | null; offerId?: string | null },
): Promise<void> {
  await tx.insert(notification).values({
    patientId: n.patientId,
    kind: n.kind,
    title: n.title,
    body: n.body,
    appointmentId: n.appointmentId ?? null,
    offerId: n.offerId ?? null,
  });
}

/** "Tuesday 1 December 2026 at 09:20" in the facility's zone. */
export const localWhen = (instant: Date, zone: string): string => DateTime.fromJSDate(instant, { zone }).toFormat("cccc d LLLL yyyy 'at' HH:mm");

/**
 * Which of a patient's notifications the caller may read, as one condition of the list's statement: a
 * notification belongs to the facility of its appointment (reminders) or of its waitlist offer, so staff
 * read those of their facilities' appointments and offers (all of them for a patient whose chart they
 * opened by break-the-glass). Every notification has one or the other; one with neither is no facility's
 * and only the patient and network-wide staff read it.
 */
export function notificationsVisible(db: DbOrTx, identity: Identity | null, patientId: string): SQL | undefined {
  const scope = facilityScope(identity);
  if (scope === null || hasEmergencyAccess(identity, patientId)) return undefined;
  const appointments = db
    .select({ id: appointment.id })
    .from(appointment)
    .where(and(eq(appointment.patientId, patientId), inArray(appointment.facilityId, [...scope])));
  const offers = db
    .select({ id: waitlistOffer.id })
    .from(waitlistOffer)
    .where(inArray(waitlistOffer.facilityId, [...scope]));
  return or(inArray(notification.appointmentId, appointments), inArray(notification.offerId, offers));
}
