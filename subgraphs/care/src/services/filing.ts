import { badInput, type Context, type DbOrTx, isUuid } from '@clinigraph/kit';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { encounter } from '../db/schema.ts';
import { callerFacility, inFacilities } from './scope.ts';

/**
 * A certificate or document filed under an encounter: the encounter must exist, be the same patient's
 * and be at one of the caller's facilities (another facility's is the same as a missing one). Anything
 * else is a mistake on the form, reported on its field before anything is written. Answers the facility
 * the record belongs to: the encounter's, or without one the caller's when they work at exactly one
 * (services/scope.ts says why a record may have none).
 */
export async function filingFacility(ctx: Context, db: DbOrTx, encounterId: string | null | undefined, patientId: string): Promise<string | null> {
  if (!encounterId) return callerFacility(ctx);
  const [row] = isUuid(encounterId)
    ? await db
        .select({ patientId: encounter.patientId, facilityId: encounter.facilityId })
        .from(encounter)
        .where(and(eq(encounter.id, encounterId), inFacilities(ctx.identity, encounter.facilityId)))
    : [];
  if (!row || row.patientId !== patientId) {
    throw badInput('The encounter is not this patient’s', [{ path: 'encounterId', message: 'This encounter is not this patient’s' }]);
  }
  return row.facilityId;
}

/** A reason a person types, with messages they can act on (zod's defaults read like a stack trace). */
export const reasonText = (max: number) => z.string().trim().min(3, 'Give a reason of at least 3 characters').max(max, `Keep it to ${max} characters`);

/** Optional free text (remarks), bounded, with a plain message. */
export const optionalText = (max: number) => z.string().trim().max(max, `Keep it to ${max} characters`).nullish();
