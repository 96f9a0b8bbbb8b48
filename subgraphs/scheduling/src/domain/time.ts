import { DateTime, IANAZone } from 'luxon';

/** True for an IANA zone name luxon (and the platform's Intl) knows, e.g. America/New_York. */
export const isValidZone = (zone: string): boolean => IANAZone.isValidZone(zone);

const wallClock = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** Minutes after local midnight for 'HH:MM' or 'HH:MM:SS' (Postgres `time` output); '24:00' is the end of the day. */
export function minutesOfDay(time: string): number {
  if (time === '24:00' || time === '24:00:00') return 24 * 60;
  const match = wallClock.exec(time);
  if (!match) throw new Error(`not a wall-clock time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export const isWallClock = (time: string): boolean => time === '24:00' || wallClock.test(time);

/** Zone rules do not change while the process runs, so conversions are memoised (schedules repeat them a lot). */
const instantCache = new Map<string, number>();

/**
 * The instant a local wall-clock time names on a local date in a zone. A time skipped by a DST gap
 * moves forward by the gap (02:30 on a spring-forward day is 03:30); a repeated time takes its first
 * occurrence. Minutes past 24:00 roll into the next day.
 */
export function localInstant(date: string, minutes: number, zone: string): number {
  const key = `${zone}|${date}|${minutes}`;
  const cached = instantCache.get(key);
  if (cached !== undefined) return cached;
  const day = DateTime.fromISO(date, { zone });
  if (!day.isValid) throw new Error(`invalid date or zone: ${date} ${zone}`);
  const instant =
    minutes >= 24 * 60
      ? day.plus({ days: 1 }).startOf('day').toMillis()
      : day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 }).toMillis();
  if (instantCache.size >= 100_000) instantCache.clear();
  instantCache.set(key, instant);
  return instant;
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export const localDate = (instant: number | Date, zone: string): string =>
  DateTime.fromMillis(typeof instant === 'number' ? instant : instant.getTime(), { zone }).toISODate() as string;

const DAY_MS = 86_400_000;
const utcDay = (date: string) => Date.parse(`${date}T00:00:00Z`);
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export const weekdayOf = (date: string): number => new Date(utcDay(date)).getUTCDay() || 7;

/** Every calendar date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = utcDay(from), end = utcDay(to); d <= end; d += DAY_MS) out.push(isoOf(d));
  return out;
}

export const addDays = (date: string, days: number): string => isoOf(utcDay(date) + days * DAY_MS);

/** Whole days from `from` to `to`. */
export const daysBetween = (from: string, to: string): number => Math.round((utcDay(to) - utcDay(from)) / DAY_MS);

/** Today's date in a zone. */
export const todayIn = (zone: string, now: Date = new Date()): string => localDate(now, zone);
