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
const daysApart = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** `{ from, to }` dates, both bounded, `to` not before `from` and at most `maxDays` after it. */
export const dateRange = (maxDays: number) =>
  z
    .object({ from: boundedDate, to: boundedDate })
    // Each date out of bounds is reported on its own; the range is judged only between sane dates.
    .refine((r) => !inBounds(r.from) || !inBounds(r.to) || r.to >= r.from, { path: ['to'], message: 'must not be before from' })
    .refine((r) => !inBounds(r.from) || !inBounds(r.to) || daysApart(r.from, r.to) <= maxDays, {
      path: ['to'],
      message: `must be at most ${maxDays} days after from`,
    });

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
