import { datesBetween, localDate, localInstant, minutesOfDay, weekdayOf } from './time.ts';

/** A half-open span of time [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

export interface RuleSpec {
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  breaks: { start: string; end: string }[];
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

export interface ScheduleSpec {
  id: string;
  providerId: string;
  facilityId: string;
  timezone: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  rules: RuleSpec[];
}

/** A window of bookable time with its slot grid: a weekly session on one date, or an extra session. */
export interface Window extends Interval {
  /** The local date the window belongs to. */
  date: string;
  slotMinutes: number;
  breaks: Interval[];
  /** Extra sessions are added on purpose, so a facility holiday does not close them (time off still does). */
  extra: boolean;
}

export interface Slot extends Interval {
  scheduleId: string;
  providerId: string;
  facilityId: string;
  localDate: string;
}

const MINUTE = 60_000;
const within = (date: string, from: string | null, to: string | null) => (!from || date >= from) && (!to || date <= to);
export const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/**
 * The weekly sessions of a schedule on one local date, as instants. Boundaries are converted with the
 * facility's zone on that very date, so a session keeps its wall-clock hours across DST changes and a
 * session spanning the change is as long as real time makes it (one hour shorter in spring, longer in autumn).
 */
export function sessionWindows(schedule: ScheduleSpec, date: string): Window[] {
  if (!within(date, schedule.effectiveFrom, schedule.effectiveTo)) return [];
  const weekday = weekdayOf(date);
  return schedule.rules
    .filter((r) => r.weekday === weekday && within(date, r.effectiveFrom, r.effectiveTo))
    .map((r) => ({
      date,
      start: localInstant(date, minutesOfDay(r.startTime), schedule.timezone),
      end: localInstant(date, minutesOfDay(r.endTime), schedule.timezone),
      slotMinutes: r.slotMinutes,
      breaks: r.breaks.map((b) => ({
        start: localInstant(date, minutesOfDay(b.start), schedule.timezone),
        end: localInstant(date, minutesOfDay(b.end), schedule.timezone),
      })),
      extra: false,
    }));
}

export interface SlotGenerationInput {
  schedule: ScheduleSpec;
  /** Local dates to generate, inclusive. */
  from: string;
  to: string;
  durationMinutes: number;
  /** Extra sessions of this schedule. */
  extraSessions: (Interval & { slotMinutes: number })[];
  /** Time off of this provider. Closes every window. */
  timeOff: Interval[];
  /** Facility holidays. Close the weekly sessions only. */
  holidays: Interval[];
}

/**
 * Every slot the schedule offers for an appointment of `durationMinutes`, ignoring existing bookings:
 * slot starts step along each window's grid from its start, and a slot must end inside the window and
 * touch no break, time off or (for weekly sessions) holiday.
 */
export function scheduleSlots(input: SlotGenerationInput): Slot[] {
  const { schedule, durationMinutes } = input;
  const windows: Window[] = datesBetween(input.from, input.to).flatMap((d) => sessionWindows(schedule, d));
  for (const session of input.extraSessions) {
    const date = localDate(session.start, schedule.timezone);
    if (date >= input.from && date <= input.to) windows.push({ ...session, date, breaks: [], extra: true });
  }
  const slots: Slot[] = [];
  const seen = new Set<number>();
  const closedAll = [...input.timeOff, ...input.holidays];
  for (const w of windows) {
    const closed = (w.extra ? input.timeOff : closedAll).filter((c) => c.start < w.end && w.start < c.end);
    const breaks = w.breaks.filter((b) => b.start < w.end && w.start < b.end);
    for (let start = w.start; start + durationMinutes * MINUTE <= w.end; start += w.slotMinutes * MINUTE) {
      const slot = { start, end: start + durationMinutes * MINUTE };
      if (seen.has(start)) continue;
      if (breaks.some((b) => overlaps(slot, b)) || closed.some((c) => overlaps(slot, c))) continue;
      seen.add(start);
      slots.push({
        ...slot,
        scheduleId: schedule.id,
        providerId: schedule.providerId,
        facilityId: schedule.facilityId,
        // A weekly session ends by midnight, so its slots share its date; extra sessions may cross it.
        localDate: w.extra ? localDate(start, schedule.timezone) : w.date,
      });
    }
  }
  return slots.sort((a, b) => a.start - b.start);
}

/**
 * Whether a slot, widened by the type's buffers, is clear of every busy range (existing bookings,
 * already widened by their own buffers): the same test the database's exclusion constraint applies.
 * `busy` must be sorted by start.
 */
export function isFree(slot: Interval, bufferBeforeMinutes: number, bufferAfterMinutes: number, busy: readonly Interval[]): boolean {
  const wide = { start: slot.start - bufferBeforeMinutes * MINUTE, end: slot.end + bufferAfterMinutes * MINUTE };
  let lo = 0;
  let hi = busy.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (busy[mid]!.start < wide.end) lo = mid + 1;
    else hi = mid;
  }
  // busy[0..lo) start before the slot ends; any of them ending after it starts overlaps.
  for (let i = lo - 1; i >= 0; i--) {
    if (busy[i]!.end > wide.start) return false;
    if (busy[i]!.start < wide.start - 24 * 60 * MINUTE) break;
  }
  return true;
}
