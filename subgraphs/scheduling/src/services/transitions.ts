import { type AuditLog, type Context, can, invalidState, requireCapability, requireIdentity, type Tx } from '@clinigraph/kit';
import { eq, sql } from 'drizzle-orm';
import { appointment } from '../db/schema.ts';
import { addDays, localDate, localInstant } from '../domain/time.ts';
import type { ChangeKind } from './events.ts';
import type { AppointmentRow, AppointmentStatus } from './loaders.ts';
import { nextQueueToken } from './queue.ts';
import { emitOfferEvent, offerFreedSlot } from './waitlist-offers.ts';
import { isOverlap, lockAppointment, NO_OVERLAP_ERRORS, overlapReason, recordChange } from './writes.ts';
import { zoneOf } from './zones.ts';

interface MoveSpec {
  from: readonly AppointmentStatus[];
  to: AppointmentStatus;
  kind: ChangeKind;
  /** booking: reception and clinicians; clinician: doctors and nurses; patients may also cancel their own. */
  who: 'booking' | 'clinician' | 'booking_or_patient';
}

/** The state machine: requested → confirmed → checked_in → in_progress → completed, plus cancelled and no_show. */
export const Moves = {
  confirm: { from: ['requested'], to: 'confirmed', kind: 'confirmed', who: 'booking' },
  cancel: { from: ['requested', 'confirmed', 'checked_in'], to: 'cancelled', kind: 'cancelled', who: 'booking_or_patient' },
  check_in: { from: ['confirmed'], to: 'checked_in', kind: 'checked_in', who: 'booking' },
  start: { from: ['checked_in'], to: 'in_progress', kind: 'started', who: 'clinician' },
  complete: { from: ['in_progress'], to: 'completed', kind: 'completed', who: 'clinician' },
  no_show: { from: ['requested', 'confirmed'], to: 'no_show', kind: 'no_show', who: 'booking' },
  /** The patient turned up after all: back to confirmed, on the appointment's own day, if the time is still free. */
  undo_no_show: { from: ['no_show'], to: 'confirmed', kind: 'confirmed', who: 'booking' },
} as const satisfies Record<string, MoveSpec>;
export type Move = keyof typeof Moves;

/** Plain words for a refused move, e.g. “This appointment is checked in, so it cannot be marked a no-show”. */
const STATUS_WORDS: Record<AppointmentStatus, string> = {
  requested: 'requested',
  confirmed: 'confirmed',
  checked_in: 'checked in',
  in_progress: 'in progress',
  completed: 'completed',
  cancelled: 'cancelled',
  no_show: 'marked a no-show',
};
const MOVE_WORDS: Record<Move, string> = {
  confirm: 'confirmed',
  cancel: 'cancelled',
  check_in: 'checked in',
  start: 'started',
  complete: 'completed',
  no_show: 'marked a no-show',
  undo_no_show: 'put back to confirmed',
};
const HINTS: Partial<Record<`${Move}:${AppointmentStatus}`, string>> = {
  'complete:checked_in': 'Start the visit first.',
  'start:confirmed': 'Check the patient in first.',
};
const refusal = (move: Move, status: AppointmentStatus): string =>
  [`This appointment is ${STATUS_WORDS[status]}, so it cannot be ${MOVE_WORDS[move]}.`, HINTS[`${move}:${status}`]].filter(Boolean).join(' ');

/** Check-in opens this long before the appointment, and closes when its local day ends. */
const CHECK_IN_OPENS_MS = 12 * 3_600_000;

function assertTiming(move: Move, row: AppointmentRow, timezone: string, now: number): void {
  if (move === 'no_show' && now < row.startsAt.getTime())
    throw invalidState('An appointment can be marked a no-show only after it starts', { from: row.status });
  if (move === 'check_in') {
    if (row.startsAt.getTime() - now > CHECK_IN_OPENS_MS) throw invalidState('Check-in opens 12 hours before the appointment', { from: row.status });
    const dayEnds = localInstant(addDays(localDate(row.startsAt, timezone), 1), 0, timezone);
    if (now >= dayEnds) throw invalidState('The appointment day is over', { from: row.status });
  }
  if (move === 'undo_no_show') {
    const dayEnds = localInstant(addDays(localDate(row.startsAt, timezone), 1), 0, timezone);
    if (now >= dayEnds) throw invalidState('A no-show can be undone only on the day of the appointment', { from: row.status });
  }
}

/**
 * Applies one state move with its history, audit and events in one transaction. A move the state
 * machine does not allow is INVALID_STATE. Check-in hands out the provider's next queue token for the
 * day; cancelling offers the freed time to the waitlist.
 */
export async function transition(ctx: Context, id: string, move: Move, reason: string | null = null): Promise<AppointmentRow> {
  const spec: MoveSpec = Moves[move];
  const identity = requireIdentity(ctx);
  const staff = can(identity, 'appointment.read');
  if (spec.who === 'clinician') requireCapability(ctx, 'visit.conduct');
  else requireCapability(ctx, spec.who === 'booking' || staff ? 'appointment.book-for-others' : 'own.book');
  return ctx.db.transaction(async (tx) => {
    const current = await lockAppointment(tx, ctx, id);
    const illegal = !spec.from.includes(current.status) || (!staff && current.status === 'checked_in');
    if (illegal) throw invalidState(refusal(move, current.status), { from: current.status, to: spec.to });
    const timezone = await zoneOf(tx, current.facilityId);
    const now = new Date();
    assertTiming(move, current, timezone, now.getTime());
    const queue =
      move === 'check_in'
        ? await (async () => {
            const day = localDate(current.startsAt, timezone);
            return { queueDay: day, queueToken: await nextQueueToken(tx, current.providerId, day), checkedInAt: now };
          })()
        : {};
    // Undoing a no-show takes the time back; the exclusion constraints refuse it if it was booked since.
    const updated = await setStatus(tx, current, spec.to, now, queue).catch((err: unknown) => {
      if (isOverlap(err))
        throw NO_OVERLAP_ERRORS[overlapReason(err) === 'PATIENT_BUSY' ? 'appointment_patient_no_overlap' : 'appointment_provider_no_overlap']();
      throw err;
    });
    const offered = move === 'cancel' ? await offerFreedSlot(tx, current, now) : null;
    await recordChange(
      tx,
      ctx,
      identity,
      { kind: spec.kind, row: updated, previousStatus: current.status, timezone, actorId: identity.userId },
      { action: move, fromStatus: current.status, reason },
    );
    if (offered) await emitOfferEvent(tx, offered.offer, offered.patientId, 'offered', null);
    return updated;
  });
}

async function setStatus(
  tx: Tx,
  current: AppointmentRow,
  to: AppointmentStatus,
  now: Date,
  extra: Partial<typeof appointment.$inferInsert> = {},
): Promise<AppointmentRow> {
  const [updated] = await tx
    .update(appointment)
    .set({ status: to, ...extra, version: sql`${appointment.version} + 1`, updatedAt: now })
    .where(eq(appointment.id, current.id))
    .returning();
  if (!updated) throw new Error('appointment update returned nothing');
  return updated;
}

/** Why the system moves an appointment: whose act caused it, in the event consumer's audit trail. */
export interface EventCause {
  audit: AuditLog;
  actorId: string | null;
  reason: string;
}

/**
 * A clinical move the system makes from an event, on an appointment the caller has locked: the same
 * state machine, history, audit and events as a person's move, without a request to authorise (the
 * event's emitter did). Returns null and changes nothing when the machine does not allow the move.
 */
export async function moveFromEvent(tx: Tx, current: AppointmentRow, move: 'start' | 'complete', cause: EventCause): Promise<AppointmentRow | null> {
  const spec: MoveSpec = Moves[move];
  if (!spec.from.includes(current.status)) return null;
  const timezone = await zoneOf(tx, current.facilityId);
  const updated = await setStatus(tx, current, spec.to, new Date());
  await recordChange(
    tx,
    { audit: cause.audit },
    null,
    { kind: spec.kind, row: updated, previousStatus: current.status, timezone, actorId: cause.actorId },
    { action: move, fromStatus: current.status, reason: cause.reason, actorId: cause.actorId },
  );
  return updated;
}
