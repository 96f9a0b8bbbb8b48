import { boundedInt, isUuid } from '@clinigraph/kit';
import { z } from 'zod';

/** Shared input rules for supply mutations, checked with kit parseInput (failures are BAD_USER_INPUT). */
export const id = z.string().refine(isUuid, 'must be a valid id');
/** A number of units moved: whole, from 1 to a million (far inside the 32-bit and database ranges). */
export const quantity = boundedInt(1, 1_000_000);
/** A unit cost in minor units (cents), at most 1,000,000.00. */
export const unitCostMinor = boundedInt(0, 100_000_000);
export const signedQuantity = z
  .number()
  .int('must be a whole number')
  .refine((n) => n !== 0, 'must not be 0')
  .refine((n) => Math.abs(n) <= 1_000_000, 'is too large');
export const reason = z.string().trim().min(1, 'is required').max(500);
export const optionalReason = z.string().trim().max(500).nullish();
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
export const lotNumber = z.string().trim().min(1, 'is required').max(60);
export const code = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, 'may hold letters, digits, dot, dash and underscore only');
export const name = z.string().trim().min(1, 'is required').max(200);

/** Rejects an input listing the same key twice (e.g. one item on two lines of a purchase order). */
export const distinctBy =
  <T>(key: (v: T) => string, what: string) =>
  (values: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      const k = key(v);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', message: `lists the same ${what} twice`, path: [i] });
      seen.add(k);
    });
  };

/** Adds days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
