import { DateTime, IANAZone } from 'luxon';
import type { JobSchedule } from './definition.ts';

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight of a 'HH:mm' time; throws on anything else (a definition error). */
export function minutesOfDay(at: string): number {
  const m = HH_MM.exec(at);
  if (!m) throw new Error(`A daily job's time must be HH:mm (24-hour), not "${at}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Whether luxon (the runner's clock) knows this IANA zone. */
export const isKnownTimeZone = (name: string): boolean => IANAZone.isValidZone(name);

function localTime(now: Date, timeZone: string): DateTime {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) throw new Error(`Unknown time zone: ${timeZone}`);
  return local;
}

/** The period `now` falls in: the window start of an interval job, the scope's local date of a daily one. */
export function periodOf(schedule: JobSchedule, now: Date, timeZone = 'UTC'): string {
  if ('every' in schedule) return new Date(Math.floor(now.getTime() / schedule.every) * schedule.every).toISOString();
  return localTime(now, timeZone).toISODate()!;
}

/**
 * The period to run at `now`, or null when the job is not due yet. An interval job is always due (once
 * per window); a daily job once the scope's local wall clock reads `dailyAt` or later, so a skipped
 * hour (spring forward) still runs it and a repeated hour (fall back) keeps the same local date.
 */
export function duePeriod(schedule: JobSchedule, now: Date, timeZone = 'UTC'): string | null {
  if ('every' in schedule) return periodOf(schedule, now);
  const local = localTime(now, timeZone);
  return local.hour * 60 + local.minute >= minutesOfDay(schedule.dailyAt) ? local.toISODate()! : null;
}
