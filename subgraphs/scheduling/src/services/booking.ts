import {
  AppError,
  assertFacilityAccess,
  badInput,
  type Context,
  can,
  ErrorCode,
  forbidden,
  futureWithin,
  type Identity,
  invalidState,
  parseInput,
  requireCapability,
  requireIdentity,
  translateDbError,
} from '@clinigraph/kit';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { appointment, appointmentSeries, appointmentType } from '../db/schema.ts';
import { BOOKING_HORIZON_DAYS, horizonEnd } from '../domain/horizon.ts';
import { expandRecurrence } from '../domain/recurrence.ts';
import { localDate } from '../domain/time.ts';
import { bookingPatient } from './access.ts';
import type { AppointmentRow, AppointmentStatus, AppointmentTypeRow } from './loaders.ts';
import { assertScheduledSlot } from './slot-search.ts';
import { emitOfferEvent, offerFreedSlot } from './waitlist-offers.ts';
import { activeType, insertAppointment, isOverlap, lockAppointment, NO_OVERLAP_ERRORS, overlapReason, recordChange, uuid } from './writes.ts';
import { zoneOf } from './zones.ts';

/** A booking's start: in the future and within the schedule horizon, refused before any work. */
const startsAt = futureWithin(BOOKING_HORIZON_DAYS);

const BookInput = z.object({
  patientId: uuid.nullish(),
  providerId: uuid,
  facilityId: uuid,
  typeId: uuid,
  startsAt,
  reason: z.string().trim().max(500).nullish(),
  allowOutsideSchedule: z.boolean().nullish(),
});
type BookInput = z.output<typeof BookInput>;

interface Plan {
  identity: Identity;
  patientId: string;
  type: AppointmentTypeRow;
  timezone: string;
  status: AppointmentStatus;
}

/**
 * Everything a booking must satisfy besides overlaps (which the database decides): who it is for, the
 * facility (staff book at their own facilities, NOT_FOUND elsewhere; patients at every one), the type's
 * booking policy, the future, and the provider's schedule (staff may book outside it on purpose).
 */
async function plan(ctx: Context, input: BookInput): Promise<Plan> {
  const who = bookingPatient(ctx, input.patientId);
  assertFacilityAccess(ctx, input.facilityId, 'Facility');
  const type = await activeType(ctx.db, input.typeId);
  if (!who.staff && type.bookingPolicy === 'staff_only') throw forbidden('Only staff can book this appointment type');
  if (input.allowOutsideSchedule && !who.staff) throw forbidden('Only staff can book outside the schedule');
  const timezone = await zoneOf(ctx.db, input.facilityId);
  if (!input.allowOutsideSchedule) await assertScheduledSlot(ctx.db, { ...input, timezone });
  const status = !who.staff && type.bookingPolicy === 'patient_request' ? 'requested' : 'confirmed';
  return { identity: who.identity, patientId: who.patientId, type, timezone, status };
}

/** Books one appointment. Two bookings racing for one slot: the exclusion constraint lets exactly one commit. */
export async function bookAppointment(ctx: Context, raw: unknown): Promise<AppointmentRow> {
  const input = parseInput(BookInput, raw);
  const p = await plan(ctx, input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await insertAppointment(tx, { ...input, patientId: p.patientId, type: p.type, status: p.status, bookedBy: p.identity.userId });
      const kind = row.status === 'requested' ? 'requested' : 'booked';
      await recordChange(
        tx,
        ctx,
        p.identity,
        { kind, row, previousStatus: null, timezone: p.timezone, actorId: p.identity.userId },
        { action: 'booked', fromStatus: null, reason: input.reason },
      );
      return row;
    });
  } catch (err) {
    translateDbError(err, NO_OVERLAP_ERRORS);
  }
}

const SeriesInput = BookInput.extend({ rrule: z.string().trim().min(5).max(300) });

export interface SeriesConflict {
  startsAt: string;
  date: string;
  reason: 'PROVIDER_BUSY' | 'PATIENT_BUSY' | 'OUTSIDE_SCHEDULE';
}

/**
 * Books a recurring series all or nothing: every occurrence is tried (each in a savepoint, so one
 * clash does not hide the next), and if any is unavailable the whole series rolls back with SLOT_TAKEN
 * listing the conflicting dates.
 */
export async function bookSeries(ctx: Context, raw: unknown): Promise<{ seriesId: string; appointments: AppointmentRow[] }> {
  const input = parseInput(SeriesInput, raw);
  const p = await plan(ctx, input);
  const occurrences = expandRecurrence(input.rrule, input.startsAt, p.timezone);
  const last = occurrences.at(-1)!;
  if (last.getTime() > horizonEnd(Date.now())) {
    const message = `ends on ${localDate(last, p.timezone)}, past the ${BOOKING_HORIZON_DAYS} days the clinic books ahead`;
    throw badInput(`rrule: ${message}`, [{ path: 'rrule', message }]);
  }
  const conflicts: SeriesConflict[] = [];
  const conflict = (at: Date, reason: SeriesConflict['reason']) => conflicts.push({ startsAt: at.toISOString(), date: localDate(at, p.timezone), reason });
  const bookable: Date[] = [];
  for (const at of occurrences.slice(1)) {
    if (input.allowOutsideSchedule) bookable.push(at);
    else
      await assertScheduledSlot(ctx.db, { ...input, startsAt: at, timezone: p.timezone }).then(
        () => bookable.push(at),
        () => conflict(at, 'OUTSIDE_SCHEDULE'),
      );
  }
  try {
    return await ctx.db.transaction(async (tx) => {
      const [series] = await tx
        .insert(appointmentSeries)
        .values({
          patientId: p.patientId,
          providerId: input.providerId,
          facilityId: input.facilityId,
          typeId: input.typeId,
          rrule: input.rrule,
          createdBy: p.identity.userId,
        })
        .returning();
      const rows: AppointmentRow[] = [];
      for (const startsAt of [input.startsAt, ...bookable]) {
        try {
          const values = { ...input, startsAt, patientId: p.patientId, type: p.type, status: p.status, seriesId: series!.id, bookedBy: p.identity.userId };
          rows.push(await tx.transaction((sp) => insertAppointment(sp, values)));
        } catch (err) {
          if (!isOverlap(err)) throw err;
          conflict(startsAt, overlapReason(err));
        }
      }
      if (conflicts.length) {
        conflicts.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
        throw new AppError(ErrorCode.SLOT_TAKEN, `${conflicts.length} of ${occurrences.length} dates are not available; nothing was booked`, { conflicts });
      }
      for (const row of rows) {
        const kind = row.status === 'requested' ? 'requested' : 'booked';
        const change = { kind, row, previousStatus: null, timezone: p.timezone, actorId: p.identity.userId } as const;
        await recordChange(tx, ctx, p.identity, change, { action: 'booked_series', fromStatus: null, reason: input.reason });
      }
      return { seriesId: series!.id, appointments: rows };
    });
  } catch (err) {
    translateDbError(err, NO_OVERLAP_ERRORS);
  }
}

const RescheduleInput = z.object({
  id: z.string(),
  startsAt,
  providerId: uuid.nullish(),
  reason: z.string().trim().max(500).nullish(),
  allowOutsideSchedule: z.boolean().nullish(),
});

/**
 * Moves an appointment in one transaction: the row's own time is updated, so the exclusion
 * constraints check the new time, and the old time is freed only if the new one is taken.
 * The freed time is offered to the waitlist.
 */
export async function rescheduleAppointment(ctx: Context, raw: unknown): Promise<AppointmentRow> {
  const input = parseInput(RescheduleInput, raw);
  const identity = requireIdentity(ctx);
  const staff = can(identity, 'appointment.read');
  requireCapability(ctx, staff ? 'appointment.book-for-others' : 'own.book');
  if (input.allowOutsideSchedule && !staff) throw forbidden('Only staff can book outside the schedule');
  try {
    return await ctx.db.transaction(async (tx) => {
      const current = await lockAppointment(tx, ctx, input.id);
      if (current.status !== 'requested' && current.status !== 'confirmed')
        throw invalidState(`A ${current.status} appointment cannot be moved`, { from: current.status });
      const [type] = await tx.select().from(appointmentType).where(eq(appointmentType.id, current.typeId));
      if (!staff && type!.bookingPolicy === 'staff_only') throw forbidden('Only staff can move this appointment type');
      const providerId = input.providerId ?? current.providerId;
      if (providerId === current.providerId && input.startsAt.getTime() === current.startsAt.getTime())
        throw badInput('The appointment is already at that time');
      const timezone = await zoneOf(tx, current.facilityId);
      if (!input.allowOutsideSchedule)
        await assertScheduledSlot(tx, { typeId: current.typeId, providerId, facilityId: current.facilityId, startsAt: input.startsAt, timezone });
      const length = current.endsAt.getTime() - current.startsAt.getTime();
      const [moved] = await tx
        .update(appointment)
        .set({
          startsAt: input.startsAt,
          endsAt: new Date(input.startsAt.getTime() + length),
          providerId,
          version: sql`${appointment.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(appointment.id, current.id))
        .returning();
      const offered = await offerFreedSlot(tx, current);
      await recordChange(
        tx,
        ctx,
        identity,
        {
          kind: 'rescheduled',
          row: moved!,
          previousStatus: current.status,
          previous: { startsAt: current.startsAt, providerId: current.providerId },
          timezone,
          actorId: identity.userId,
        },
        { action: 'rescheduled', fromStatus: current.status, fromStartsAt: current.startsAt, reason: input.reason },
      );
      if (offered) await emitOfferEvent(tx, offered.offer, offered.patientId, 'offered', null);
      return moved!;
    });
  } catch (err) {
    translateDbError(err, NO_OVERLAP_ERRORS);
  }
}
