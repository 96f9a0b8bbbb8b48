import { badInput } from '@clinigraph/kit';
import { DateTime } from 'luxon';
import * as rrule from 'rrule';

// rrule ships a UMD build as its CommonJS entry: under Node's ESM loader its exports sit on `default`.
const { RRule } = (rrule as unknown as { default?: typeof rrule }).default ?? rrule;

export const MAX_OCCURRENCES = 52;

/**
 * The occurrences of an RFC 5545 rule (e.g. `FREQ=WEEKLY;INTERVAL=2;COUNT=6`) starting at `first`,
 * in the facility's wall-clock time: the rule runs on floating local times, each then converted with
 * the zone, so a weekly 09:00 stays 09:00 across DST changes.
 */
export function expandRecurrence(rule: string, first: Date, zone: string): Date[] {
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(rule.trim().replace(/^RRULE:/i, ''));
  } catch {
    throw badInput('The recurrence rule is not valid RRULE syntax');
  }
  if (options.freq === undefined) throw badInput('The recurrence rule needs FREQ');
  if (options.dtstart || options.tzid) throw badInput('Give the first occurrence as startsAt, not DTSTART or TZID');
  if (!options.count && !options.until) throw badInput('The recurrence rule needs COUNT or UNTIL');
  const local = DateTime.fromJSDate(first, { zone });
  const floating = new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute));
  const occurrences = new RRule({ ...options, dtstart: floating }).all((_d, i) => i <= MAX_OCCURRENCES);
  if (occurrences.length > MAX_OCCURRENCES) throw badInput(`A series has at most ${MAX_OCCURRENCES} occurrences`);
  const instants = occurrences.map((d) =>
    DateTime.fromObject(
      { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() },
      { zone },
    ).toJSDate(),
  );
  if (instants[0]?.getTime() !== first.getTime()) throw badInput('startsAt must be the first occurrence of the rule');
  return instants;
}
