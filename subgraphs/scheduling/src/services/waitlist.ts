import {
  AppError,
  assertFacilityAccess,
  badInput,
  type Context,
  ErrorCode,
  emitEvent,
  forbidden,
  invalidState,
  isUuid,
  notFound,
  parseInput,
  requireCapability,
  type Tx,
} from '@clinigraph/kit';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { waitlistEntry, waitlistOffer } from '../db/schema.ts';
import { assertOwnOrStaff, bookingPatient } from './access.ts';
import type { AppointmentRow, OfferRow } from './loaders.ts';
import { emitOfferEvent, type Offered, offerFreedSlot, WAITLIST_TOPIC } from './waitlist-offers.ts';
import { activeType, insertAppointment, isOverlap, overlapReason, recordChange, uuid } from './writes.ts';
import { zoneOf } from './zones.ts';

export type WaitlistEntryRow = typeof waitlistEntry.$inferSelect;

const JoinInput = z.object({
  patientId: uuid.nullish(),
  facilityId: uuid,
  typeId: uuid,
  providerId: uuid.nullish(),
  earliest: z.date(),
  latest: z.date(),
  priority: z.number().int().min(-100).max(100).nullish(),
  note: z.string().trim().max(500).nullish(),
});

/**
 * A patient (for themselves, at any facility) or staff (for anyone, at their own facilities) joins the
 * waitlist for a provider or a type, within a window.
 */
export async function joinWaitlist(ctx: Context, raw: unknown): Promise<WaitlistEntryRow> {
  const input = parseInput(JoinInput, raw);
  const who = bookingPatient(ctx, input.patientId);
  assertFacilityAccess(ctx, input.facilityId, 'Facility');
  const type = await activeType(ctx.db, input.typeId);
  if (!who.staff && type.bookingPolicy === 'staff_only') throw forbidden('Only staff can book this appointment type');
  if (!who.staff && input.priority) throw forbidden('Only staff can set a waitlist priority');
  if (input.latest <= input.earliest) throw badInput('`latest` must be after `earliest`');
  if (input.latest.getTime() <= Date.now()) throw badInput('The window has already passed');
  if (input.latest.getTime() - input.earliest.getTime() > 180 * 86_400_000) throw badInput('The window may span at most 180 days');
  await zoneOf(ctx.db, input.facilityId);
  return ctx.db.transaction(async (tx) => {
    const [entry] = await tx
      .insert(waitlistEntry)
      .values({
        patientId: who.patientId,
        facilityId: input.facilityId,
        typeId: type.id,
        providerId: input.providerId ?? null,
        earliest: input.earliest,
        latest: input.latest,
        priority: input.priority ?? 0,
        note: input.note ?? null,
        createdBy: who.identity.userId,
      })
      .returning();
    if (!entry) throw new Error('waitlist insert returned nothing');
    await ctx.audit.write(tx, { action: 'create', entityType: 'WaitlistEntry', entityId: entry.id, patientId: entry.patientId });
    await emitEntryEvent(tx, entry, 'joined', who.identity.userId);
    return entry;
  });
}

async function emitEntryEvent(tx: Tx, entry: WaitlistEntryRow, kind: string, actorId: string | null) {
  await emitEvent(tx, {
    topic: WAITLIST_TOPIC,
    entityType: 'WaitlistEntry',
    entityId: entry.id,
    facilityId: entry.facilityId,
    providerId: entry.providerId,
    patientId: entry.patientId,
    actorId,
    payload: { kind, status: entry.status },
  });
}

async function lockEntry(tx: Tx, ctx: Context, id: string): Promise<WaitlistEntryRow> {
  const [entry] = isUuid(id) ? await tx.select().from(waitlistEntry).where(eq(waitlistEntry.id, id)).for('update') : [];
  if (!entry) throw notFound('Waitlist entry');
  const { staff } = assertOwnOrStaff(ctx, entry.patientId, 'Waitlist entry');
  assertFacilityAccess(ctx, entry.facilityId, 'Waitlist entry');
  requireCapability(ctx, staff ? 'appointment.book-for-others' : 'own.book');
  return entry;
}

/** Leaves the waitlist; an open offer is declined and passes to the next entry. */
export async function leaveWaitlist(ctx: Context, id: string): Promise<WaitlistEntryRow> {
  return ctx.db.transaction(async (tx) => {
    const entry = await lockEntry(tx, ctx, id);
    if (entry.status === 'booked' || entry.status === 'cancelled') throw invalidState(`This entry is already ${entry.status}`, { status: entry.status });
    const [pending] = await tx
      .select()
      .from(waitlistOffer)
      .where(and(eq(waitlistOffer.entryId, entry.id), eq(waitlistOffer.status, 'pending')))
      .for('update');
    let declined: OfferRow | null = null;
    let next: Offered | null = null;
    if (pending?.status === 'pending') {
      [declined] = (await tx
        .update(waitlistOffer)
        .set({ status: 'declined', respondedAt: new Date() })
        .where(eq(waitlistOffer.id, pending.id))
        .returning()) as [OfferRow];
    }
    const [updated] = await tx.update(waitlistEntry).set({ status: 'cancelled', updatedAt: new Date() }).where(eq(waitlistEntry.id, entry.id)).returning();
    if (declined) next = await offerFreedSlot(tx, declined);
    await ctx.audit.write(tx, {
      action: 'update',
      entityType: 'WaitlistEntry',
      entityId: entry.id,
      patientId: entry.patientId,
      detail: { status: 'cancelled' },
    });
    await emitEntryEvent(tx, updated!, 'left', ctx.identity?.userId ?? null);
    if (declined) await emitOfferEvent(tx, declined, entry.patientId, 'declined', ctx.identity?.userId ?? null);
    if (next) await emitOfferEvent(tx, next.offer, next.patientId, 'offered', null);
    return updated!;
  });
}

async function lockOffer(tx: Tx, ctx: Context, offerId: string): Promise<{ offer: OfferRow; entry: WaitlistEntryRow; staff: boolean }> {
  const [offer] = isUuid(offerId) ? await tx.select().from(waitlistOffer).where(eq(waitlistOffer.id, offerId)).for('update') : [];
  if (!offer) throw notFound('Waitlist offer');
  const [entry] = await tx.select().from(waitlistEntry).where(eq(waitlistEntry.id, offer.entryId)).for('update');
  if (!entry) throw notFound('Waitlist offer');
  const { staff } = assertOwnOrStaff(ctx, entry.patientId, 'Waitlist offer');
  assertFacilityAccess(ctx, offer.facilityId, 'Waitlist offer');
  requireCapability(ctx, staff ? 'appointment.book-for-others' : 'own.book');
  if (offer.status !== 'pending') throw invalidState(`This offer is ${offer.status}`, { status: offer.status });
  if (offer.expiresAt.getTime() <= Date.now()) throw invalidState('This offer has expired', { status: 'expired' });
  return { offer, entry, staff };
}

type AcceptOutcome = { booked: AppointmentRow } | { lost: 'PATIENT_BUSY' | 'PROVIDER_BUSY' };

/**
 * Accepting books the offered slot. The insert is guarded by the same exclusion constraints as every
 * booking, so a direct booking racing it leaves exactly one appointment; the loser gets SLOT_TAKEN
 * (and a lost offer is recorded as such, with the slot passed on when it is still free).
 */
export async function acceptOffer(ctx: Context, offerId: string): Promise<AppointmentRow> {
  const now = new Date();
  const outcome = await ctx.db.transaction(async (tx): Promise<AcceptOutcome> => {
    const { offer, entry, staff } = await lockOffer(tx, ctx, offerId);
    const type = await activeType(tx, offer.typeId);
    const timezone = await zoneOf(tx, offer.facilityId);
    const identity = ctx.identity!;
    let booked: AppointmentRow;
    try {
      booked = await tx.transaction((sp) =>
        insertAppointment(sp, {
          patientId: entry.patientId,
          providerId: offer.providerId,
          facilityId: offer.facilityId,
          type,
          startsAt: offer.startsAt,
          status: !staff && type.bookingPolicy === 'patient_request' ? 'requested' : 'confirmed',
          bookedBy: identity.userId,
        }),
      );
    } catch (err) {
      if (!isOverlap(err)) throw err;
      const reason = overlapReason(err);
      const [lost] = await tx.update(waitlistOffer).set({ status: 'lost', respondedAt: now }).where(eq(waitlistOffer.id, offer.id)).returning();
      await tx.update(waitlistEntry).set({ status: 'waiting', updatedAt: now }).where(eq(waitlistEntry.id, entry.id));
      const next = reason === 'PATIENT_BUSY' ? await offerFreedSlot(tx, offer, now) : null;
      await emitOfferEvent(tx, lost!, entry.patientId, 'lost', identity.userId);
      if (next) await emitOfferEvent(tx, next.offer, next.patientId, 'offered', null);
      return { lost: reason };
    }
    const [accepted] = await tx
      .update(waitlistOffer)
      .set({ status: 'accepted', respondedAt: now, appointmentId: booked.id })
      .where(eq(waitlistOffer.id, offer.id))
      .returning();
    await tx.update(waitlistEntry).set({ status: 'booked', updatedAt: now }).where(eq(waitlistEntry.id, entry.id));
    await recordChange(
      tx,
      ctx,
      identity,
      { kind: booked.status === 'requested' ? 'requested' : 'booked', row: booked, previousStatus: null, timezone, actorId: identity.userId },
      { action: 'booked_from_waitlist', fromStatus: null },
    );
    await emitOfferEvent(tx, accepted!, entry.patientId, 'accepted', identity.userId);
    return { booked };
  });
  if ('lost' in outcome) {
    const message = outcome.lost === 'PATIENT_BUSY' ? 'The patient already has an appointment at that time' : 'That time is no longer available';
    throw new AppError(ErrorCode.SLOT_TAKEN, message, { reason: outcome.lost });
  }
  return outcome.booked;
}

/** Declines an offer; the slot passes to the next entry and this entry keeps waiting. */
export async function declineOffer(ctx: Context, offerId: string): Promise<OfferRow> {
  return ctx.db.transaction(async (tx) => {
    const { offer, entry } = await lockOffer(tx, ctx, offerId);
    const now = new Date();
    const [declined] = await tx.update(waitlistOffer).set({ status: 'declined', respondedAt: now }).where(eq(waitlistOffer.id, offer.id)).returning();
    await tx.update(waitlistEntry).set({ status: 'waiting', updatedAt: now }).where(eq(waitlistEntry.id, entry.id));
    const next = await offerFreedSlot(tx, offer, now);
    await ctx.audit.write(tx, {
      action: 'update',
      entityType: 'WaitlistOffer',
      entityId: offer.id,
      patientId: entry.patientId,
      detail: { status: 'declined' },
    });
    await emitOfferEvent(tx, declined!, entry.patientId, 'declined', ctx.identity?.userId ?? null);
    if (next) await emitOfferEvent(tx, next.offer, next.patientId, 'offered', null);
    return declined!;
  });
}
