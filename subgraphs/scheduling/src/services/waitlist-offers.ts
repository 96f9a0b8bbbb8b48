import { type DbOrTx, emitEvent, pgErrorInfo, SqlState, type Tx } from '@clinigraph/kit';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { appointment, appointmentType, waitlistEntry, waitlistOffer } from '../db/schema.ts';
import type { OfferRow } from './loaders.ts';
import { localWhen, notifyPatient } from './notifications.ts';
import { zoneOf } from './zones.ts';

export const WAITLIST_TOPIC = 'waitlist.changed';
/** How long a waitlist offer stays exclusive to its entry. */
export const offerMinutes = () => Number(process.env.CLINIGRAPH_WAITLIST_OFFER_MINUTES ?? 30);

export type OfferEventKind = 'offered' | 'accepted' | 'declined' | 'expired' | 'lost';

export async function emitOfferEvent(tx: Tx, offer: OfferRow, patientId: string, kind: OfferEventKind, actorId: string | null): Promise<void> {
  await emitEvent(tx, {
    topic: WAITLIST_TOPIC,
    entityType: 'WaitlistOffer',
    entityId: offer.id,
    facilityId: offer.facilityId,
    providerId: offer.providerId,
    patientId,
    actorId,
    payload: { kind, entryId: offer.entryId, startsAt: offer.startsAt.toISOString(), expiresAt: offer.expiresAt.toISOString(), status: offer.status },
  });
}

const activeStatuses = sql`('requested','confirmed','checked_in','in_progress','completed')`;

/** Whether [startsAt, endsAt) widened by the buffers is clear for the provider, and the time clear for the patient. */
async function isOpen(tx: DbOrTx, o: { providerId: string; patientId: string; startsAt: Date; endsAt: Date; before: number; after: number }) {
  const [clash] = await tx
    .select({ id: appointment.id })
    .from(appointment)
    .where(
      and(
        sql`${appointment.status} in ${activeStatuses}`,
        sql`(${appointment.providerId} = ${o.providerId} and scheduling.busy_range(${appointment.startsAt}, ${appointment.endsAt}, ${appointment.bufferBeforeMinutes}, ${appointment.bufferAfterMinutes}) && scheduling.busy_range(${o.startsAt.toISOString()}::timestamptz, ${o.endsAt.toISOString()}::timestamptz, ${o.before}::int, ${o.after}::int))
          or (${appointment.patientId} = ${o.patientId} and tstzrange(${appointment.startsAt}, ${appointment.endsAt}) && tstzrange(${o.startsAt.toISOString()}::timestamptz, ${o.endsAt.toISOString()}::timestamptz))`,
      ),
    )
    .limit(1);
  if (clash) return false;
  const [held] = await tx
    .select({ id: waitlistOffer.id })
    .from(waitlistOffer)
    .where(
      and(
        eq(waitlistOffer.status, 'pending'),
        eq(waitlistOffer.providerId, o.providerId),
        sql`tstzrange(${waitlistOffer.startsAt}, ${waitlistOffer.endsAt}) && tstzrange(${o.startsAt.toISOString()}::timestamptz, ${o.endsAt.toISOString()}::timestamptz)`,
      ),
    )
    .limit(1);
  return !held;
}

export interface Offered {
  offer: OfferRow;
  patientId: string;
}

/**
 * Offers time that just freed up (a cancellation, a move, an expired or declined offer) to the
 * first-ranked waiting entry it suits: same facility, the provider asked for (or any provider offering
 * the type), inside the entry's window, never the same slot twice to one entry. Runs in the freeing
 * transaction; the caller emits the offer's event with its own events at the end.
 */
export async function offerFreedSlot(tx: Tx, freed: { providerId: string; facilityId: string; startsAt: Date }, now = new Date()): Promise<Offered | null> {
  if (freed.startsAt.getTime() <= now.getTime()) return null;
  const candidates = await tx
    .select({ entry: waitlistEntry, type: appointmentType })
    .from(waitlistEntry)
    .innerJoin(appointmentType, eq(appointmentType.id, waitlistEntry.typeId))
    .where(
      and(
        eq(waitlistEntry.status, 'waiting'),
        eq(waitlistEntry.facilityId, freed.facilityId),
        sql`(${waitlistEntry.providerId} = ${freed.providerId} or (${waitlistEntry.providerId} is null and exists (
          select 1 from scheduling.type_offering o where o.type_id = ${waitlistEntry.typeId} and o.provider_id = ${freed.providerId})))`,
        lte(waitlistEntry.earliest, freed.startsAt),
        sql`${waitlistEntry.latest} >= ${freed.startsAt.toISOString()}::timestamptz + make_interval(mins => ${appointmentType.durationMinutes})`,
        sql`not exists (select 1 from scheduling.waitlist_offer o where o.entry_id = ${waitlistEntry.id}
          and o.provider_id = ${freed.providerId} and o.starts_at = ${freed.startsAt.toISOString()}::timestamptz)`,
      ),
    )
    .orderBy(desc(waitlistEntry.priority), asc(waitlistEntry.createdAt), asc(waitlistEntry.id))
    .limit(20);
  if (!candidates.length) return null;
  // Lock the candidates (skipping any another transaction is offering right now), then go in rank order.
  const locked = await tx
    .select({ id: waitlistEntry.id })
    .from(waitlistEntry)
    .where(
      and(
        inArray(
          waitlistEntry.id,
          candidates.map((c) => c.entry.id),
        ),
        eq(waitlistEntry.status, 'waiting'),
      ),
    )
    .for('update', { skipLocked: true });
  const lockedIds = new Set(locked.map((l) => l.id));
  for (const { entry, type } of candidates) {
    if (!lockedIds.has(entry.id)) continue;
    const endsAt = new Date(freed.startsAt.getTime() + type.durationMinutes * 60_000);
    const open = await isOpen(tx, {
      providerId: freed.providerId,
      patientId: entry.patientId,
      startsAt: freed.startsAt,
      endsAt,
      before: type.bufferBeforeMinutes,
      after: type.bufferAfterMinutes,
    });
    if (!open) continue;
    const offer = await insertOffer(tx, {
      entryId: entry.id,
      providerId: freed.providerId,
      facilityId: freed.facilityId,
      typeId: type.id,
      startsAt: freed.startsAt,
      endsAt,
      expiresAt: new Date(now.getTime() + offerMinutes() * 60_000),
    });
    if (!offer) continue;
    await tx.update(waitlistEntry).set({ status: 'offered', updatedAt: now }).where(eq(waitlistEntry.id, entry.id));
    const zone = await zoneOf(tx, freed.facilityId);
    await notifyPatient(tx, {
      patientId: entry.patientId,
      kind: 'waitlist_offer',
      offerId: offer.id,
      title: `A ${type.name.toLowerCase()} slot opened up`,
      body: `${localWhen(freed.startsAt, zone)} is yours to accept until ${localWhen(offer.expiresAt, zone)}.`,
    });
    return { offer, patientId: entry.patientId };
  }
  return null;
}

/** Inserts an offer, or nothing when a concurrent transaction already offered that slot or entry. */
async function insertOffer(tx: Tx, values: typeof waitlistOffer.$inferInsert): Promise<OfferRow | null> {
  try {
    return await tx.transaction(async (sp) => {
      const [row] = await sp.insert(waitlistOffer).values(values).returning();
      return row ?? null;
    });
  } catch (err) {
    if (pgErrorInfo(err)?.code === SqlState.UNIQUE_VIOLATION) return null;
    throw err;
  }
}

/**
 * The expiry job: every pending offer past its time expires, its entry goes back to waiting, and the
 * slot passes to the next entry. Safe to run on several processes at once (SKIP LOCKED).
 */
export async function expireWaitlistOffers(db: DbOrTx, now = new Date()): Promise<{ expired: number; reoffered: number }> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(waitlistOffer)
      .where(and(eq(waitlistOffer.status, 'pending'), lte(waitlistOffer.expiresAt, now)))
      .orderBy(asc(waitlistOffer.expiresAt))
      .limit(200)
      .for('update', { skipLocked: true });
    if (!due.length) return { expired: 0, reoffered: 0 };
    const expired = await tx
      .update(waitlistOffer)
      .set({ status: 'expired', respondedAt: now })
      .where(
        inArray(
          waitlistOffer.id,
          due.map((o) => o.id),
        ),
      )
      .returning();
    const entries = await tx
      .update(waitlistEntry)
      .set({ status: 'waiting', updatedAt: now })
      .where(
        inArray(
          waitlistEntry.id,
          due.map((o) => o.entryId),
        ),
      )
      .returning({ id: waitlistEntry.id, patientId: waitlistEntry.patientId });
    const patientOf = new Map(entries.map((e) => [e.id, e.patientId]));
    const next: Offered[] = [];
    for (const o of expired) {
      const offered = await offerFreedSlot(tx, o, now);
      if (offered) next.push(offered);
    }
    for (const o of expired) await emitOfferEvent(tx, o, patientOf.get(o.entryId) as string, 'expired', null);
    for (const n of next) await emitOfferEvent(tx, n.offer, n.patientId, 'offered', null);
    return { expired: expired.length, reoffered: next.length };
  });
}
