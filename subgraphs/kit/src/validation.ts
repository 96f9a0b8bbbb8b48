import { z } from 'zod';
import { badInput } from './errors.ts';
import { plainIssue } from './issue-messages.ts';

/** Validates input with zod; failures become BAD_USER_INPUT with one issue per field, in plain words. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, { error: plainIssue });
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw badInput(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), issues);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && uuidPattern.test(value);

/** Calendar dates the clinic can meaningfully handle; anything outside is a typing error, not a query to run. */
export const DATE_BOUNDS = { min: '1900-01-01', max: '2200-12-31' } as const;

const inBounds = (d: string) => d >= DATE_BOUNDS.min && d <= DATE_BOUNDS.max;

/** A YYYY-MM-DD date (already checked by the Date scalar) between 1900 and 2200. */
export const boundedDate = z.string().refine(inBounds, { message: `must be between ${DATE_BOUNDS.min} and ${DATE_BOUNDS.max}` });

const DAY_MS = 86_400_000;

/** How long a range may span: days, and the same in words for the message ("2 years"). */
export interface SpanLimit {
  days: number;
  words: string;
}

/** The longest range each kind of question may ask about: what the feature needs, and no more. */
export const SPAN_LIMITS = {
  /** Slot search and first-available slots. */
  slotSearch: { days: 90, words: '90 days' },
  /** Reports, statements and other money or activity summaries. */
  report: { days: 731, words: '2 years' },
  /** A vital sign's trend chart. */
  vitalsTrend: { days: 1827, words: '5 years' },
  /**
   * A list capped by row count (appointments: 500), read by an indexed range: a long range costs no more than a
   * short one, and a patient's whole history is a real question. Only absurd spans are refused.
   */
  cappedList: { days: 36_890, words: '101 years' },
} as const satisfies Record<string, SpanLimit>;

type RangeEnd = string | Date | null | undefined;
const asLimit = (limit: number | SpanLimit): SpanLimit => (typeof limit === 'number' ? { days: limit, words: `${limit} days` } : limit);
const msOf = (end: string | Date) => (typeof end === 'string' ? Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(end) ? `${end}T00:00:00Z` : end) : end.getTime());
const INSTANT_BOUNDS = { min: Date.parse(`${DATE_BOUNDS.min}T00:00:00Z`), max: Date.parse(`${DATE_BOUNDS.max}T23:59:59.999Z`) };
const msInBounds = (ms: number) => ms >= INSTANT_BOUNDS.min && ms <= INSTANT_BOUNDS.max;

/**
 * What is wrong with a range, in words for its `to` end: before `from`, or further from it than the limit.
 * An open end, or an end outside the date bounds (reported on its own), is not judged here.
 */
export function rangeProblem(from: RangeEnd, to: RangeEnd, limit: number | SpanLimit): string | null {
  if (from == null || to == null) return null;
  const [a, b] = [msOf(from), msOf(to)];
  if (!msInBounds(a) || !msInBounds(b)) return null;
  if (b < a) return 'must not be before from';
  const { days, words } = asLimit(limit);
  return b - a > days * DAY_MS ? `must be at most ${words} after from` : null;
}

/** A zod refinement for an object with `from` and `to` (dates or instants): in order and at most `limit` apart. */
export const withinSpan =
  (limit: number | SpanLimit) =>
  (range: { from?: RangeEnd; to?: RangeEnd }, ctx: z.RefinementCtx): void => {
    const problem = rangeProblem(range.from, range.to, limit);
    if (problem) ctx.addIssue({ code: 'custom', path: ['to'], message: problem });
  };

/**
 * Throws BAD_USER_INPUT naming the argument when an end of a range is outside the date bounds, or the range
 * is backwards or longer than `limit`. For resolvers that take `from`/`to` outside a zod schema.
 */
export function assertRange(range: { from?: RangeEnd; to?: RangeEnd }, limit: number | SpanLimit, paths = { from: 'from', to: 'to' }): void {
  const bounds = `must be between ${DATE_BOUNDS.min} and ${DATE_BOUNDS.max}`;
  const issues = (['from', 'to'] as const)
    .filter((end) => range[end] != null && !msInBounds(msOf(range[end] as string | Date)))
    .map((end) => ({ path: paths[end], message: bounds }));
  const problem = rangeProblem(range.from, range.to, limit);
  if (problem) issues.push({ path: paths.to, message: problem });
  if (issues.length) throw badInput(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

/** `{ from, to }` dates, both bounded, `to` not before `from` and at most `limit` after it. */
export const dateRange = (limit: number | SpanLimit) => z.object({ from: boundedDate, to: boundedDate }).superRefine(withinSpan(limit));

/** An instant (a DateTime argument) between 1900 and 2200, like dates. */
export const boundedInstant = z.date().refine((d) => msInBounds(d.getTime()), { message: `must be between ${DATE_BOUNDS.min} and ${DATE_BOUNDS.max}` });

/** Optional `{ from, to }` instants, each bounded; when both are given, in order and at most `limit` apart. */
export const instantRange = (limit: number | SpanLimit) =>
  z.object({ from: boundedInstant.nullish(), to: boundedInstant.nullish() }).superRefine(withinSpan(limit));

/** Today's calendar date at the far east of the world (UTC+14): no clinic anywhere has reached a later date yet. */
const latestToday = (now = Date.now()) => new Date(now + 14 * 3_600_000).toISOString().slice(0, 10);
const yearsBefore = (date: string, years: number) => `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;

/** How far back a date of birth may go: nobody alive is older. */
export const MAX_AGE_YEARS = 130;

/** The earliest and latest date of birth accepted today (for forms: the date input's min and max). */
export const birthDateBounds = (now = Date.now()) => {
  const max = latestToday(now);
  return { min: yearsBefore(max, MAX_AGE_YEARS), max };
};

/** A YYYY-MM-DD date of birth: a real date, not in the future, and within the last 130 years. */
export const birthDate = z.string().superRefine((d, ctx) => {
  const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return problem('must be YYYY-MM-DD');
  if (Number.isNaN(Date.parse(`${d}T00:00:00Z`)) || !new Date(`${d}T00:00:00Z`).toISOString().startsWith(d)) return problem('is not a date');
  const { min, max } = birthDateBounds();
  if (d > max) problem('cannot be in the future');
  else if (d < min) problem(`must be within the last ${MAX_AGE_YEARS} years (on or after ${min})`);
});

/**
 * An instant from now up to `horizonDays` ahead (bookings: the schedule's horizon). The past and
 * anything beyond the horizon are refused with a sentence naming the limit.
 */
export const futureWithin = (horizonDays: number) =>
  z.date().superRefine((d, ctx) => {
    const now = Date.now();
    if (d.getTime() <= now) ctx.addIssue({ code: 'custom', message: 'must be in the future' });
    else if (d.getTime() > now + horizonDays * DAY_MS) ctx.addIssue({ code: 'custom', message: `must be at most ${horizonDays} days ahead` });
  });

/**
 * A whole number within [min, max]; the bounds stay well inside what a 32-bit GraphQL Int and the
 * database column hold, so a bad value is refused here, before any database work.
 */
export const boundedInt = (min: number, max: number) =>
  z.number().superRefine((n, ctx) => {
    if (!Number.isInteger(n)) ctx.addIssue({ code: 'custom', message: 'must be a whole number' });
    else if (n < min || n > max) ctx.addIssue({ code: 'custom', message: `must be between ${min.toLocaleString('en')} and ${max.toLocaleString('en')}` });
  });
