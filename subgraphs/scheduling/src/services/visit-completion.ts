import { type AuditLog, type EncounterChangedPayload, type EventRow, isUuid, log, type Tx } from '@clinigraph/kit';
import { eq } from 'drizzle-orm';
import { appointment } from '../db/schema.ts';
import type { AppointmentStatus } from './loaders.ts';
import { moveFromEvent } from './transitions.ts';

/** States after which nothing more happens to an appointment. */
const SETTLED: ReadonlySet<AppointmentStatus> = new Set(['completed', 'cancelled', 'no_show']);

/**
 * encounter.changed → the appointment follows its encounter through the state machine: a consultation
 * that starts starts a checked-in visit, so the day board shows who is with the doctor; a closed encounter
 * that came from an appointment completes it. A checked-in appointment is started first, so its history and the queue read as the visit
 * went; `appointment.completed` then lets finance charge the consultation. An appointment already
 * completed, cancelled or marked a no-show is left as it is, so a replayed or duplicated event, or a
 * doctor who completed the visit by hand, changes nothing.
 */
export async function completeFromEncounter(tx: Tx, event: EventRow, audit: AuditLog): Promise<void> {
  const payload = event.payload as Partial<EncounterChangedPayload>;
  const closing = payload.status === 'closed';
  if ((!closing && payload.status !== 'in_consultation') || payload.origin !== 'appointment') return;
  const appointmentId = payload.appointmentId;
  if (!isUuid(appointmentId)) {
    log.warn({ eventId: String(event.id) }, 'scheduling: a closed appointment encounter without an appointment id; skipped');
    return;
  }
  const [current] = await tx.select().from(appointment).where(eq(appointment.id, appointmentId)).for('update');
  if (!current) {
    log.warn({ eventId: String(event.id), appointmentId }, 'scheduling: a closed encounter names an unknown appointment; skipped');
    return;
  }
  if (SETTLED.has(current.status)) return;
  const cause = { audit, actorId: event.actorId, reason: closing ? 'Encounter closed' : 'Consultation started' };
  const started = current.status === 'checked_in' ? await moveFromEvent(tx, current, 'start', cause) : current;
  if (!closing) return;
  const completed = started ? await moveFromEvent(tx, started, 'complete', cause) : null;
  if (!completed) {
    log.warn(
      { eventId: String(event.id), appointmentId, status: current.status },
      'scheduling: a closed encounter’s appointment cannot complete from its state; left as it is',
    );
  }
}
