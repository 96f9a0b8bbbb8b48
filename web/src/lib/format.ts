/** Integer minor units as money, e.g. 12345 USD → $123.45. */
export function formatMoney(minor: number, currency: string): string {
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

/** The largest amount in minor units the API takes in one input (finance's MAX_AMOUNT_MINOR, a GraphQL Int). */
export const MAX_AMOUNT_MINOR = 2_147_483_647;

/** Money typed by a person (e.g. "12.50") as integer minor units, or null when it is not an amount (or past what the API takes). */
export function parseMoney(text: string, currency: string): number | null {
  const digits = new Intl.NumberFormat(undefined, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return null;
  const [whole = '0', fraction = ''] = text.trim().split('.');
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0);
  return minor <= MAX_AMOUNT_MINOR ? minor : null;
}

/** The clock time of an instant in a time zone, e.g. 09:20. */
export const formatTime = (iso: string, timeZone?: string): string =>
  new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));

/** A date and time in a time zone. */
export const formatDateTime = (iso: string, timeZone?: string): string =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));

/** A calendar date (YYYY-MM-DD) for people, e.g. Tue, 24 Nov 2026. */
export const formatDate = (date: string): string =>
  new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

/** The day an instant fell on, where the reader is (or in a time zone), e.g. Mon, 30 Nov 2026 for 02:00 UTC on 1 Dec in New York. */
export const formatDayOf = (iso: string, timeZone?: string): string => formatDate(localDate(new Date(iso), timeZone));

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export const localDate = (instant: Date, timeZone?: string): string => new Intl.DateTimeFormat('en-CA', { timeZone }).format(instant);

/** A calendar date plus some days. */
export const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * An instant range sure to contain every instant of a calendar date in any time zone (±14 h); filter
 * on the API's facility-local date to keep just that day.
 */
export const dayWindow = (date: string): { from: string; to: string } => ({
  from: new Date(Date.parse(`${date}T00:00:00Z`) - 14 * 3600_000).toISOString(),
  to: new Date(Date.parse(`${date}T00:00:00Z`) + 38 * 3600_000).toISOString(),
});

/** Minutes a time zone is ahead of UTC at an instant (e.g. −300 for New York in winter). */
function offsetMinutes(instant: Date, timeZone?: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round((Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - instant.getTime()) / 60_000);
}

/** The instant a wall-clock time (HH:MM:SS) of a calendar date happens in a time zone, e.g. a facility-local day's start. */
export function zonedInstant(date: string, time: string, timeZone: string): string {
  const wall = Date.parse(`${date}T${time}Z`);
  // Twice: the second pass corrects for a DST change between the guess and the answer.
  const guess = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  return new Date(wall - offsetMinutes(new Date(guess), timeZone) * 60_000).toISOString();
}

/** A window of whole facility-local days, e.g. "Tue, 1 Dec 2026 – Sat, 5 Dec 2026" (one day once). */
export function formatDayRange(fromIso: string, toIso: string, timeZone?: string): string {
  const [from, to] = [formatDayOf(fromIso, timeZone), formatDayOf(toIso, timeZone)];
  return from === to ? from : `${from} – ${to}`;
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The label for times shown in a facility's zone, when that zone's clock differs from the reader's
 * (e.g. "New York time"); empty when they read the same, so nothing needs saying.
 */
export function zoneLabel(timeZone: string | null | undefined, at: Date = new Date(), readerZone: string = browserZone()): string {
  if (!timeZone || offsetMinutes(at, timeZone) === offsetMinutes(at, readerZone)) return '';
  const city = timeZone.split('/').pop()!.replaceAll('_', ' ');
  return `${city} time`;
}

/**
 * A text about times in the facility's zone, with the zone named when the reader's clock differs: a column
 * heading ("When (New York time)") or a time itself.
 */
export function withZone(text: string, timeZone: string | null | undefined, at: Date = new Date()): string {
  const label = zoneLabel(timeZone, at);
  return label ? `${text} (${label})` : text;
}

/** A date and time in the facility's zone, with the zone named when the reader's clock differs, e.g. "1 Dec 2026, 09:00 (New York time)". */
export const formatZonedDateTime = (iso: string, timeZone: string | null | undefined): string =>
  withZone(formatDateTime(iso, timeZone ?? undefined), timeZone, new Date(iso));

/** A clock time in the facility's zone, with the zone named when the reader's clock differs, e.g. "09:00 AM (New York time)". */
export const formatZonedTime = (iso: string, timeZone: string | null | undefined): string =>
  withZone(formatTime(iso, timeZone ?? undefined), timeZone, new Date(iso));

/** The short day of an instant in a time zone, for chart axes, e.g. 1 Dec. */
export const formatShortDay = (iso: string, timeZone?: string): string =>
  new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone }).format(new Date(iso));
