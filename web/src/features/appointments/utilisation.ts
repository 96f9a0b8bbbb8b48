import { graphql, type ResultOf } from '../../lib/graphql.ts';
import type { Present } from '../../lib/unavailable.ts';
import type { AppointmentInfo } from './fields.ts';
import { isActive } from './fields.ts';

/** What a facility's day is scheduled to be: the weekly rules and the exceptions touching the day. */
export const SCHEDULED_DAY = graphql(`
  query ScheduledDay($facilityId: ID!, $day: Date!) {
    schedules(facilityId: $facilityId) {
      provider { id } effectiveFrom effectiveTo active
      rules { weekday startTime endTime breaks { start end } effectiveFrom effectiveTo }
    }
    scheduleExceptions(facilityId: $facilityId, from: $day, to: $day) { kind provider { id } startsAt endsAt }
  }
`);

export type ScheduleShape = Present<ResultOf<typeof SCHEDULED_DAY>>['schedules'][number];
export type ExceptionShape = Present<ResultOf<typeof SCHEDULED_DAY>>['scheduleExceptions'][number];

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
const within = (day: string, from: string | null, to: string | null) => (!from || from <= day) && (!to || day <= to);
const isoWeekday = (day: string) => ((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

/**
 * The minutes a provider is scheduled on a facility-local day: the weekly rules for that weekday less
 * breaks, plus extra sessions; a holiday or time off touching the day counts as the day off.
 */
export function scheduledMinutes(providerId: string, day: string, schedules: ScheduleShape[], exceptions: ExceptionShape[]): number {
  const off = exceptions.some((e) => e.kind === 'HOLIDAY' || (e.kind === 'TIME_OFF' && e.provider?.id === providerId));
  if (off) return 0;
  const weekly = schedules
    .filter((s) => s.active && s.provider.id === providerId && within(day, s.effectiveFrom, s.effectiveTo))
    .flatMap((s) => s.rules.filter((r) => r.weekday === isoWeekday(day) && within(day, r.effectiveFrom, r.effectiveTo)))
    .reduce((sum, r) => sum + minutes(r.endTime) - minutes(r.startTime) - r.breaks.reduce((b, x) => b + minutes(x.end) - minutes(x.start), 0), 0);
  const extra = exceptions
    .filter((e) => e.kind === 'EXTRA_SESSION' && e.provider?.id === providerId)
    .reduce((sum, e) => sum + (Date.parse(e.endsAt) - Date.parse(e.startsAt)) / 60_000, 0);
  return weekly + extra;
}

/** Minutes of a provider's day taken by appointments that still hold their time. */
export const bookedMinutes = (providerId: string, appointments: AppointmentInfo[]): number =>
  appointments
    .filter((a) => a.provider?.id === providerId && isActive(a))
    .reduce((sum, a) => sum + (Date.parse(a.endsAt) - Date.parse(a.startsAt)) / 60_000, 0);
