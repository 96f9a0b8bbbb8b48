import {
  assertFacilityAccess,
  badInput,
  boundedDate,
  type Context,
  emitEvent,
  inFacilityScope,
  isUuid,
  notFound,
  parseInput,
  requireCapability,
  requireIdentity,
  type Tx,
} from '@clinigraph/kit';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { facilityZone, schedule, scheduleException, scheduleRule } from '../db/schema.ts';
import { addDays, isValidZone, isWallClock, localInstant, minutesOfDay } from '../domain/time.ts';
import { inScope } from './facility-scope.ts';
import type { ScheduleRow } from './loaders.ts';
import { uuid } from './writes.ts';

export const SCHEDULE_TOPIC = 'schedule.changed';

const wallTime = z.string().refine(isWallClock, 'must be a wall-clock time HH:MM');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .pipe(boundedDate);
const slotMinutes = z.number().int('must be a whole number of minutes').min(5, 'must be at least 5 minutes').max(480, 'must be at most 480 minutes');
const specialty = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const label = z.string().trim().max(200, 'must be at most 200 characters');
/** Times that are not HH:MM are reported by `wallTime`; the checks across fields judge only well-formed ones. */
const wellFormed = (...times: string[]) => times.every(isWallClock);
const span = <T extends { start: string; end: string }>(r: T) => !wellFormed(r.start, r.end) || minutesOfDay(r.end) > minutesOfDay(r.start);

const RuleInput = z
  .object({
    weekday: z.number().int().min(1, 'must be 1 (Monday) to 7 (Sunday)').max(7, 'must be 1 (Monday) to 7 (Sunday)'),
    startTime: wallTime,
    endTime: wallTime,
    slotMinutes,
    breaks: z
      .array(z.object({ start: wallTime, end: wallTime }).refine(span, 'a break must end after it starts'))
      .max(10, 'at most 10 breaks a session')
      .nullish(),
    effectiveFrom: isoDate.nullish(),
    effectiveTo: isoDate.nullish(),
  })
  .refine((r) => span({ start: r.startTime, end: r.endTime }), { message: 'a session must end after it starts', path: ['endTime'] })
  .refine(
    (r) =>
      (r.breaks ?? []).every(
        (b) =>
          !wellFormed(b.start, b.end, r.startTime, r.endTime) ||
          (minutesOfDay(b.start) >= minutesOfDay(r.startTime) && minutesOfDay(b.end) <= minutesOfDay(r.endTime)),
      ),
    {
      message: 'breaks must lie inside the session',
      path: ['breaks'],
    },
  );
type RuleInput = z.output<typeof RuleInput>;

const rangesMeet = (a: RuleInput, b: RuleInput) =>
  (!a.effectiveTo || !b.effectiveFrom || a.effectiveTo >= b.effectiveFrom) && (!b.effectiveTo || !a.effectiveFrom || b.effectiveTo >= a.effectiveFrom);

const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function assertNoOverlappingRules(rules: RuleInput[]): void {
  for (const [i, a] of rules.entries())
    for (const [j, b] of rules.entries())
      if (
        j > i &&
        a.weekday === b.weekday &&
        rangesMeet(a, b) &&
        minutesOfDay(a.startTime) < minutesOfDay(b.endTime) &&
        minutesOfDay(b.startTime) < minutesOfDay(a.endTime)
      )
        throw badInput(`Two sessions overlap on ${WEEKDAY_NAMES[a.weekday]}`, [
          { path: `rules.${j}.startTime`, message: `overlaps another session on ${WEEKDAY_NAMES[a.weekday]}` },
        ]);
}

const ScheduleInput = z.object({
  providerId: uuid,
  facilityId: uuid,
  timezone: z.string().nullish(),
  specialty: specialty.nullish(),
  label: label.nullish(),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullish(),
  rules: z.array(RuleInput).min(1, 'needs at least one weekly session').max(50, 'at most 50 weekly sessions'),
});

const unknownZone = (timezone: string) =>
  badInput(`Unknown time zone: ${timezone}`, [{ path: 'timezone', message: 'is not an IANA time zone (e.g. Europe/Berlin)' }]);

/** A last date before the first, named on the last date so a form can mark it. */
const endBeforeStart = (field: string, first: string) =>
  badInput(`${field} must not be before ${first}`, [{ path: field, message: 'must not be before the first day' }]);

/**
 * Records the facility's zone in scheduling. The first schedule of a facility must name it; later
 * ones may repeat it but not contradict it (setFacilityTimezone changes it deliberately).
 */
async function ensureZone(tx: Tx, facilityId: string, timezone: string | null | undefined, actorId: string): Promise<string> {
  if (timezone && !isValidZone(timezone)) throw unknownZone(timezone);
  const [existing] = await tx.select().from(facilityZone).where(eq(facilityZone.facilityId, facilityId));
  if (existing) {
    if (timezone && timezone !== existing.timezone) {
      const message = `must be the facility's time zone, ${existing.timezone} (change it with setFacilityTimezone)`;
      throw badInput(`timezone: ${message}`, [{ path: 'timezone', message }]);
    }
    return existing.timezone;
  }
  if (!timezone)
    throw badInput("The facility's first schedule must give its IANA time zone", [
      { path: 'timezone', message: "is required for the facility's first schedule" },
    ]);
  await tx.insert(facilityZone).values({ facilityId, timezone, updatedBy: actorId });
  return timezone;
}

async function emitScheduleChange(tx: Tx, s: Pick<ScheduleRow, 'id' | 'providerId' | 'facilityId'>, kind: string, actorId: string) {
  await emitEvent(tx, {
    topic: SCHEDULE_TOPIC,
    entityType: 'Schedule',
    entityId: s.id,
    facilityId: s.facilityId,
    providerId: s.providerId,
    actorId,
    payload: { kind },
  });
}

export async function setFacilityTimezone(ctx: Context, facilityId: string, timezone: string) {
  const identity = requireCapability(ctx, 'schedule.manage');
  if (!isUuid(facilityId)) throw notFound('Facility');
  assertFacilityAccess(ctx, facilityId, 'Facility');
  if (!isValidZone(timezone)) throw unknownZone(timezone);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(facilityZone)
      .values({ facilityId, timezone, updatedBy: identity.userId })
      .onConflictDoUpdate({ target: facilityZone.facilityId, set: { timezone, updatedBy: identity.userId, updatedAt: new Date() } })
      .returning();
    await emitEvent(tx, {
      topic: SCHEDULE_TOPIC,
      entityType: 'Facility',
      entityId: facilityId,
      facilityId,
      actorId: identity.userId,
      payload: { kind: 'timezone' },
    });
    return row!;
  });
}

const ruleValues = (scheduleId: string, rules: RuleInput[]) =>
  rules.map((r) => ({ ...r, scheduleId, breaks: r.breaks ?? [], effectiveFrom: r.effectiveFrom ?? null, effectiveTo: r.effectiveTo ?? null }));

export async function createSchedule(ctx: Context, raw: unknown): Promise<ScheduleRow> {
  const identity = requireCapability(ctx, 'schedule.manage');
  const input = parseInput(ScheduleInput, raw);
  assertFacilityAccess(ctx, input.facilityId, 'Facility');
  if (input.effectiveTo && input.effectiveTo < input.effectiveFrom) throw endBeforeStart('effectiveTo', 'effectiveFrom');
  assertNoOverlappingRules(input.rules);
  return ctx.db.transaction(async (tx) => {
    await ensureZone(tx, input.facilityId, input.timezone, identity.userId);
    const [row] = await tx
      .insert(schedule)
      .values({
        providerId: input.providerId,
        facilityId: input.facilityId,
        specialty: input.specialty ?? null,
        label: input.label ?? null,
        effectiveFrom: input.effectiveFrom,
        effectiveTo: input.effectiveTo ?? null,
        createdBy: identity.userId,
      })
      .returning();
    await tx.insert(scheduleRule).values(ruleValues(row!.id, input.rules));
    await emitScheduleChange(tx, row!, 'created', identity.userId);
    return row!;
  });
}

const ScheduleUpdate = z.object({
  specialty: specialty.nullish(),
  label: label.nullish(),
  effectiveFrom: isoDate.nullish(),
  effectiveTo: isoDate.nullish(),
  active: z.boolean().nullish(),
  rules: z.array(RuleInput).min(1, 'needs at least one weekly session').max(50, 'at most 50 weekly sessions').nullish(),
});

/** Changes a schedule; `rules`, when given, replace the weekly sessions. Existing bookings stay as they are. */
export async function updateSchedule(ctx: Context, id: string, raw: unknown): Promise<ScheduleRow> {
  const identity = requireCapability(ctx, 'schedule.manage');
  const input = parseInput(ScheduleUpdate, raw);
  if (input.rules) assertNoOverlappingRules(input.rules);
  return ctx.db.transaction(async (tx) => {
    const [current] = isUuid(id) ? await tx.select().from(schedule).where(eq(schedule.id, id)).for('update') : [];
    if (!current) throw notFound('Schedule');
    assertFacilityAccess(ctx, current.facilityId, 'Schedule');
    const next = {
      specialty: input.specialty === undefined ? current.specialty : input.specialty,
      label: input.label === undefined ? current.label : input.label,
      effectiveFrom: input.effectiveFrom ?? current.effectiveFrom,
      effectiveTo: input.effectiveTo === undefined ? current.effectiveTo : input.effectiveTo,
      active: input.active ?? current.active,
    };
    if (next.effectiveTo && next.effectiveTo < next.effectiveFrom) throw endBeforeStart('effectiveTo', 'effectiveFrom');
    const [row] = await tx
      .update(schedule)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(schedule.id, id))
      .returning();
    if (input.rules) {
      await tx.delete(scheduleRule).where(eq(scheduleRule.scheduleId, id));
      await tx.insert(scheduleRule).values(ruleValues(id, input.rules));
    }
    await emitScheduleChange(tx, row!, 'updated', identity.userId);
    return row!;
  });
}

const ExceptionInput = z.object({
  kind: z.enum(['time_off', 'holiday', 'extra_session']),
  facilityId: uuid.nullish(),
  providerId: uuid.nullish(),
  scheduleId: uuid.nullish(),
  date: isoDate,
  endDate: isoDate.nullish(),
  startTime: wallTime.nullish(),
  endTime: wallTime.nullish(),
  slotMinutes: slotMinutes.nullish(),
  reason: z.string().trim().max(300, 'must be at most 300 characters').nullish(),
});

/**
 * Time off (a provider; a doctor may record their own), holidays (a whole facility) and extra
 * sessions (on a schedule), at the caller's facilities (NOT_FOUND for another's). Given in local dates and times; stored as instants in the facility's zone.
 */
export async function addScheduleException(ctx: Context, raw: unknown) {
  const input = parseInput(ExceptionInput, raw);
  const identity = requireIdentity(ctx);
  const ownTimeOff = input.kind === 'time_off' && !!identity.providerId && identity.providerId === input.providerId;
  requireCapability(ctx, ownTimeOff ? 'schedule.own-time-off' : 'schedule.manage');
  return ctx.db.transaction(async (tx) => {
    let { facilityId, providerId } = input;
    const scheduleId = input.kind === 'extra_session' ? input.scheduleId : null;
    if (input.kind === 'extra_session') {
      const [found] = scheduleId ? await tx.select().from(schedule).where(eq(schedule.id, scheduleId)) : [];
      // Another facility's schedule is told apart from a missing one by nothing.
      const s = found && inFacilityScope(identity, found.facilityId) ? found : null;
      if (!s)
        throw badInput('An extra session needs the schedule it belongs to', [
          { path: 'scheduleId', message: scheduleId ? 'no such schedule' : 'is required for an extra session' },
        ]);
      const missing = (['startTime', 'endTime', 'slotMinutes'] as const).filter((field) => !input[field]);
      if (missing.length)
        throw badInput(
          `An extra session needs ${missing.join(', ')}`,
          missing.map((path) => ({ path, message: 'is required for an extra session' })),
        );
      facilityId = s.facilityId;
      providerId = s.providerId;
    }
    if (input.kind === 'holiday') providerId = null;
    if (input.kind === 'time_off' && !providerId) throw badInput('Time off needs the provider', [{ path: 'providerId', message: 'is required for time off' }]);
    if (!facilityId) throw badInput('Give the facility', [{ path: 'facilityId', message: 'is required' }]);
    assertFacilityAccess(ctx, facilityId, 'Facility');
    const [zone] = await tx.select().from(facilityZone).where(eq(facilityZone.facilityId, facilityId));
    if (!zone) {
      const message = 'has no time zone in scheduling yet (set it, or create a schedule there first)';
      throw badInput(`facilityId: ${message}`, [{ path: 'facilityId', message }]);
    }
    const lastDate = input.endDate ?? input.date;
    if (lastDate < input.date) throw endBeforeStart('endDate', 'date');
    const startsAt = new Date(localInstant(input.date, input.startTime ? minutesOfDay(input.startTime) : 0, zone.timezone));
    const endsAt = new Date(
      input.endTime ? localInstant(lastDate, minutesOfDay(input.endTime), zone.timezone) : localInstant(addDays(lastDate, 1), 0, zone.timezone),
    );
    if (endsAt <= startsAt) throw badInput('The exception must end after it starts', [{ path: 'endTime', message: 'must be after the start' }]);
    const [row] = await tx
      .insert(scheduleException)
      .values({
        kind: input.kind,
        facilityId,
        providerId: providerId ?? null,
        scheduleId,
        startsAt,
        endsAt,
        slotMinutes: input.kind === 'extra_session' ? input.slotMinutes : null,
        reason: input.reason ?? null,
        createdBy: identity.userId,
      })
      .returning();
    await emitEvent(tx, {
      topic: SCHEDULE_TOPIC,
      entityType: 'ScheduleException',
      entityId: row!.id,
      facilityId,
      providerId,
      actorId: identity.userId,
      payload: { kind: input.kind },
    });
    return row!;
  });
}

export async function removeScheduleException(ctx: Context, id: string): Promise<boolean> {
  const identity = requireCapability(ctx, 'schedule.manage');
  if (!isUuid(id)) throw notFound('Schedule exception');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(scheduleException)
      .where(and(eq(scheduleException.id, id), inScope(identity, scheduleException.facilityId)))
      .returning();
    if (!row) throw notFound('Schedule exception');
    await emitEvent(tx, {
      topic: SCHEDULE_TOPIC,
      entityType: 'ScheduleException',
      entityId: row.id,
      facilityId: row.facilityId,
      providerId: row.providerId,
      actorId: identity.userId,
      payload: { kind: 'removed' },
    });
    return true;
  });
}
