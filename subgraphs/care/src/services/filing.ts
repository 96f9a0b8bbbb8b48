import { badInput, type DbOrTx, isUuid } from '@clinigraph/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { encounter } from '../db/schema.ts';

/**
 * A certificate or document filed under an encounter: the encounter must exist and be the same
 * patient's. Anything else is a mistake on the form, reported on its field before anything is written.
 */
export async function assertEncounterOfPatient(db: DbOrTx, encounterId: string | null | undefined, patientId: string): Promise<void> {
  if (!encounterId) return;
  const [row] = isUuid(encounterId) ? await db.select({ patientId: encounter.patientId }).from(encounter).where(eq(encounter.id, encounterId)) : [];
  if (row?.patientId !== patientId) {
    throw badInput('The encounter is not this patient’s', [{ path: 'encounterId', message: 'This encounter is not this patient’s' }]);
  }
}

/** A reason a person types, with messages they can act on (zod's defaults read like a stack trace). */
export const reasonText = (max: number) => z.string().trim().min(3, 'Give a reason of at least 3 characters').max(max, `Keep it to ${max} characters`);

/** Optional free text (remarks), bounded, with a plain message. */
export const optionalText = (max: number) => z.string().trim().max(max, `Keep it to ${max} characters`).nullish();
