import { assertRange, badInput, type DbOrTx, decodeCursor, notFound, type Page, toPage } from '@clinigraph/kit';
import { and, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { appointmentType, facilityZone, schedule, scheduleException, scheduleRule, typeOffering, waitlistOffer } from '../db/schema.ts';
import { horizonEnd } from '../domain/horizon.ts';
import { type Interval, isFree, type ScheduleSpec, type Slot, scheduleSlots } from '../domain/slots.ts';
import { addDays, localDate, localInstant } from '../domain/time.ts';
import { bookedDuring } from './busy-time.ts';
import type { AppointmentTypeRow } from './loaders.ts';

export const MAX_SEARCH_DAYS = 62;
const HOUR = 3_600_000;

export interface SlotQuery {
  typeId: string;
  facilityId?: string | null;
  providerIds?: readonly string[] | null;
  specialty?: string | null;
  /** The facilities the caller may see (kit `facilityScope`): null for every facility. */
  scope?: readonly string[] | null;
  /** Facility-local dates, both included. */
  from: string;
  to: string;
}

export interface FoundSlot extends Slot {
  typeId: string;
}

interface SearchContext {
  type: AppointmentTypeRow;
  schedules: ScheduleSpec[];
}

/** Dates within the kit's bounds, `to` not before `from`, and at most MAX_SEARCH_DAYS days searched (both included). */
export function validateRange(from: string, to: string): void {
  assertRange({ from, to }, { days: MAX_SEARCH_DAYS - 1, words: `${MAX_SEARCH_DAYS - 1} days` }, { from: 'input.from', to: 'input.to' });
}

/** The type, and the active schedules of the providers offering it that match the filters. */
async function loadContext(db: DbOrTx, q: SlotQuery): Promise<SearchContext> {
  const [type] = await db.select().from(appointmentType).where(eq(appointmentType.id, q.typeId));
  if (!type || !type.active) throw notFound('Appointment type');
  const offering = db.select({ id: typeOffering.providerId }).from(typeOffering).where(eq(typeOffering.typeId, q.typeId));
  const rows = await db
    .select({ schedule, timezone: facilityZone.timezone })
    .from(schedule)
    .innerJoin(facilityZone, eq(facilityZone.facilityId, schedule.facilityId))
    .where(
      and(
        eq(schedule.active, true),
        inArray(schedule.providerId, offering),
        q.providerIds ? inArray(schedule.providerId, [...q.providerIds]) : undefined,
        q.facilityId ? eq(schedule.facilityId, q.facilityId) : undefined,
        q.scope ? inArray(schedule.facilityId, [...q.scope]) : undefined,
        q.specialty ? sql`lower(${schedule.specialty}) = lower(${q.specialty})` : undefined,
        lte(schedule.effectiveFrom, q.to),
        or(isNull(schedule.effectiveTo), gte(schedule.effectiveTo, q.from)),
      ),
    );
  const rules = rows.length
    ? await db
        .select()
        .from(scheduleRule)
        .where(
          inArray(
            scheduleRule.scheduleId,
            rows.map((r) => r.schedule.id),
          ),
        )
    : [];
  const schedules = rows.map(({ schedule: s, timezone }) => ({
    id: s.id,
    providerId: s.providerId,
    facilityId: s.facilityId,
    timezone,
    effectiveFrom: s.effectiveFrom,
    effectiveTo: s.effectiveTo,
    rules: rules.filter((r) => r.scheduleId === s.id),
  }));
  return { type, schedules };
}

const unique = <T>(values: T[]) => [...new Set(values)];
const earlier = (a: string, b: string) => {
  if (a < b) return a;
  return b;
};
const byTime = (a: Slot, b: Slot) => a.start - b.start || a.providerId.localeCompare(b.providerId) || a.facilityId.localeCompare(b.facilityId);

interface ChunkOptions {
  /** Leave out booked and offered time; false only checks the schedule itself. */
  respectBookings: boolean;
  now: number;
}

/** Slots of every schedule on local dates [from, to], sorted by time. */
async function chunkSlots(db: DbOrTx, ctx: SearchContext, from: string, to: string, options: ChunkOptions): Promise<FoundSlot[]> {
  if (!ctx.schedules.length) return [];
  // The chunk's exact span: from the first local midnight to the last, over the schedules' zones.
  const zones = unique(ctx.schedules.map((s) => s.timezone));
  const lo = new Date(Math.min(...zones.map((z) => localInstant(from, 0, z))));
  const hi = new Date(Math.max(...zones.map((z) => localInstant(addDays(to, 1), 0, z))));
  // A booking can reach a slot from up to 8 hours away: 4 hours of its buffer plus 4 of the slot's.
  const reach = 8 * HOUR;
  const providers = unique(ctx.schedules.map((s) => s.providerId));
  const facilities = unique(ctx.schedules.map((s) => s.facilityId));
  const exceptions = await db
    .select()
    .from(scheduleException)
    .where(
      and(
        lt(scheduleException.startsAt, hi),
        gt(scheduleException.endsAt, lo),
        or(and(eq(scheduleException.kind, 'holiday'), inArray(scheduleException.facilityId, facilities)), inArray(scheduleException.providerId, providers)),
      ),
    );
  const busy = new Map<string, Interval[]>();
  if (options.respectBookings) {
    const minute = 60_000;
    const booked = await bookedDuring(db, providers, new Date(lo.getTime() - reach), new Date(hi.getTime() + reach));
    const held = await db
      .select({ providerId: waitlistOffer.providerId, startsAt: waitlistOffer.startsAt, endsAt: waitlistOffer.endsAt })
      .from(waitlistOffer)
      .where(
        and(
          eq(waitlistOffer.status, 'pending'),
          gt(waitlistOffer.expiresAt, new Date(options.now)),
          inArray(waitlistOffer.providerId, providers),
          lt(waitlistOffer.startsAt, hi),
          gt(waitlistOffer.endsAt, lo),
        ),
      );
    for (const b of booked) {
      const list = busy.get(b.providerId) ?? [];
      list.push({ start: b.startsAt.getTime() - b.before * minute, end: b.endsAt.getTime() + b.after * minute });
      busy.set(b.providerId, list);
    }
    for (const h of held) {
      const list = busy.get(h.providerId) ?? [];
      list.push({ start: h.startsAt.getTime(), end: h.endsAt.getTime() });
      busy.set(h.providerId, list);
    }
    for (const list of busy.values()) list.sort((a, b) => a.start - b.start);
  }
  const interval = (e: { startsAt: Date; endsAt: Date }) => ({ start: e.startsAt.getTime(), end: e.endsAt.getTime() });
  const { type } = ctx;
  const out: FoundSlot[] = [];
  for (const s of ctx.schedules) {
    const slots = scheduleSlots({
      schedule: s,
      from,
      to,
      durationMinutes: type.durationMinutes,
      extraSessions: exceptions
        .filter((e) => e.kind === 'extra_session' && e.scheduleId === s.id)
        .map((e) => ({ ...interval(e), slotMinutes: e.slotMinutes ?? type.durationMinutes })),
      timeOff: exceptions.filter((e) => e.kind === 'time_off' && e.providerId === s.providerId).map(interval),
      holidays: exceptions.filter((e) => e.kind === 'holiday' && e.facilityId === s.facilityId).map(interval),
    });
    const providerBusy = busy.get(s.providerId) ?? [];
    for (const slot of slots) {
      const bookable = slot.start > options.now && slot.start <= horizonEnd(options.now);
      if (options.respectBookings && (!bookable || !isFree(slot, type.bufferBeforeMinutes, type.bufferAfterMinutes, providerBusy))) continue;
      out.push({ ...slot, typeId: type.id });
    }
  }
  return out.sort(byTime);
}

/** Walks the date range in growing chunks, so a first page usually costs one day of work. */
async function* walk(db: DbOrTx, ctx: SearchContext, q: SlotQuery, now: number): AsyncGenerator<FoundSlot[]> {
  const zones = unique(ctx.schedules.map((s) => s.timezone));
  let carry: FoundSlot[] = [];
  let size = 1;
  for (let from = q.from; from <= q.to; from = addDays(from, size), size = Math.min(size * 2, 8)) {
    const to = earlier(addDays(from, size - 1), q.to);
    const slots = [...carry, ...(await chunkSlots(db, ctx, from, to, { respectBookings: true, now }))].sort(byTime);
    // Later chunks cannot hold anything earlier than the next date's first local midnight.
    const next = addDays(to, 1);
    const boundary = next > q.to ? Number.POSITIVE_INFINITY : Math.min(...zones.map((z) => localInstant(next, 0, z)));
    yield slots.filter((s) => s.start < boundary);
    carry = slots.filter((s) => s.start >= boundary);
  }
  if (carry.length) yield carry;
}

/** Free slots in time order across the matching providers, one page at a time. */
export async function searchSlots(db: DbOrTx, q: SlotQuery, first: number, after: string | null | undefined, now = Date.now()): Promise<Page<FoundSlot>> {
  validateRange(q.from, q.to);
  const cursor = decodeCursor(after);
  const ctx = await loadContext(db, q);
  const isAfter = (s: FoundSlot) => {
    if (!cursor) return true;
    const [start, provider = '', facility = ''] = cursor as [number, string, string];
    return s.start > start || (s.start === start && (s.providerId > provider || (s.providerId === provider && s.facilityId > facility)));
  };
  const found: FoundSlot[] = [];
  for await (const chunk of walk(db, ctx, q, now)) {
    for (const s of chunk) if (isAfter(s)) found.push(s);
    if (found.length > first) break;
  }
  return toPage(found, first, (s) => [s.start, s.providerId, s.facilityId]);
}

/** The earliest free slot of each matching provider, earliest first ("first available"). */
export async function firstAvailable(db: DbOrTx, q: SlotQuery, now = Date.now()): Promise<FoundSlot[]> {
  validateRange(q.from, q.to);
  const ctx = await loadContext(db, q);
  const pending = new Set(ctx.schedules.map((s) => s.providerId));
  const firsts: FoundSlot[] = [];
  for await (const chunk of walk(db, ctx, q, now)) {
    for (const s of chunk) {
      if (!pending.has(s.providerId)) continue;
      pending.delete(s.providerId);
      firsts.push(s);
    }
    if (!pending.size) break;
    ctx.schedules = ctx.schedules.filter((s) => pending.has(s.providerId));
  }
  return firsts.sort(byTime);
}

/**
 * Whether `startsAt` is a slot of the provider's schedule at the facility for this type (bookings
 * aside: the database decides those). Refuses with BAD_USER_INPUT otherwise.
 */
export async function assertScheduledSlot(db: DbOrTx, args: { typeId: string; providerId: string; facilityId: string; startsAt: Date; timezone: string }) {
  const day = localDate(args.startsAt, args.timezone);
  const ctx = await loadContext(db, { typeId: args.typeId, providerIds: [args.providerId], facilityId: args.facilityId, from: day, to: day });
  if (!ctx.schedules.length) throw badInput('This provider offers no such appointments at this facility');
  const slots = await chunkSlots(db, ctx, day, day, { respectBookings: false, now: 0 });
  if (!slots.some((s) => s.start === args.startsAt.getTime())) throw badInput('That time is not a slot in the provider’s schedule');
}
