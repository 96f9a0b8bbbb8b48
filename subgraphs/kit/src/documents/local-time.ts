import { DateTime } from 'luxon';

/**
 * Times a person reads on a handout: in the facility's zone, labelled with the zone's abbreviation so a
 * reader elsewhere is never misled ("3 Dec 2026, 09:40 EST").
 */
export function localDateTime(instant: Date | string, timeZone: string): string {
  const at = typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant);
  return at.setZone(timeZone).setLocale('en-US').toFormat('d LLL yyyy, HH:mm ZZZZ');
}

/** A calendar date (YYYY-MM-DD, or an instant's date in the zone) as "3 Dec 2026". */
export function localDate(day: Date | string, timeZone = 'UTC'): string {
  const at =
    typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day)
      ? DateTime.fromISO(day, { zone: timeZone })
      : typeof day === 'string'
        ? DateTime.fromISO(day).setZone(timeZone)
        : DateTime.fromJSDate(day).setZone(timeZone);
  return at.setLocale('en-GB').toFormat('d LLL yyyy');
}
