/** Integer minor units as money, e.g. 12345 USD → $123.45. */
export function formatMoney(minor: number, currency: string): string {
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

/** Money typed by a person (e.g. "12.50") as integer minor units, or null when it is not an amount. */
export function parseMoney(text: string, currency: string): number | null {
  const digits = new Intl.NumberFormat(undefined, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return null;
  const [whole = '0', fraction = ''] = text.trim().split('.');
  if (fraction.length > digits) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0);
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

/** ENUM_VALUE → "Enum value". */
export const humanize = (value: string): string => value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ');
