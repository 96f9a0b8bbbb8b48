import type { DbOrTx } from '@clinigraph/kit';
import { DateTime } from 'luxon';
import { notification } from '../db/schema.ts';

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
