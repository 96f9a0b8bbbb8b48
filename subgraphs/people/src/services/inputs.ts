import { birthDate, isUuid } from '@clinigraph/kit';
import { z } from 'zod';

/** Shared zod pieces for the people subgraph's inputs. Every failure becomes BAD_USER_INPUT through parseInput. */

export const uuid = z.string().refine(isUuid, 'is not a valid id');
export const uuidList = z.array(uuid).max(100, 'has too many entries');

export const name = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters');
export const shortText = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');
export const optionalText = (max = 500) => z.string().trim().max(max, `must be at most ${max} characters`).nullish();

export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, 'is not a phone number');

export const email = z.string().trim().toLowerCase().pipe(z.email('is not an e-mail address').max(320));

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((d) => !Number.isNaN(new Date(`${d}T00:00:00Z`).getTime()), 'is not a date');
/** A date of birth: not in the future and within the last 130 years (the kit's rule, shared by every DOB input). */
export const dateOfBirth = birthDate;

export const sex = z.enum(['female', 'male', 'intersex', 'unknown']);
export const bloodGroup = z.enum(['A_POS', 'A_NEG', 'B_POS', 'B_NEG', 'AB_POS', 'AB_NEG', 'O_POS', 'O_NEG']);
export const allergySeverity = z.enum(['mild', 'moderate', 'severe', 'life_threatening']);

/** A de-duplicated list of short labels (chronic conditions, qualifications). */
export const labelList = z
  .array(z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'))
  .max(50, 'has too many entries')
  .transform((items) => [...new Set(items)]);

/** An IANA time zone name such as Europe/Berlin: known to the runtime's time-zone database, not an offset. */
export function isIanaTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  if (knownZones().has(value)) return true;
  try {
    // Accepts links such as US/Eastern or UTC that supportedValuesOf leaves out.
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

let zones: Set<string> | null = null;
function knownZones(): Set<string> {
  zones ??= new Set(Intl.supportedValuesOf('timeZone'));
  return zones;
}

export const timeZone = z.string().trim().refine(isIanaTimeZone, 'is not an IANA time zone (e.g. Europe/Berlin)');

let currencies: Set<string> | null = null;
export const currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => {
    currencies ??= new Set(Intl.supportedValuesOf('currency'));
    return currencies.has(c);
  }, 'is not an ISO 4217 currency code');

/** Money in integer minor units (cents); never a float. */
export const amountMinor = z.number().int('must be a whole number of minor units').min(0, 'cannot be negative').max(100_000_000, 'is too large');
