import { z } from 'zod';
import { badInput } from './errors.ts';

/** Validates input with zod; failures become BAD_USER_INPUT with one issue per field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
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
