import { AppError, type Context, type DbOrTx, ErrorCode } from '@clinigraph/kit';
import { and, eq, isNull } from 'drizzle-orm';
import { patient } from '../db/schema.ts';

/** What a registration is compared on: the same person has the same name, date of birth and phone. */
export interface Identifying {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  phone?: string | null;
}

export interface DuplicateCandidate {
  id: string;
  mrn: string;
  displayName: string;
  dateOfBirth: string;
  phone: string | null;
}

/**
 * A name as the desk may type it: without case, accents, punctuation or extra spaces, and in either
 * order of given and family name ("García, María" and "maria garcia" are the same).
 */
export function nameKey(givenName: string, familyName: string): string {
  const words = `${givenName} ${familyName}`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ');
  return words.sort().join(' ');
}

const phoneKey = (phone: string | null | undefined) => (phone ?? '').replace(/\D/g, '');

/** Phones agree when both carry the same digits, or one of the two records has none. */
const phonesAgree = (a: string | null | undefined, b: string | null | undefined) => {
  const [x, y] = [phoneKey(a), phoneKey(b)];
  return !x || !y || x === y;
};

/** Existing patients who look like the same person: the same date of birth, name and phone (merged records are not candidates). */
export async function findDuplicates(db: DbOrTx, details: Identifying): Promise<DuplicateCandidate[]> {
  const sameBirth = await db
    .select()
    .from(patient)
    .where(and(eq(patient.dateOfBirth, details.dateOfBirth), isNull(patient.mergedIntoId)));
  const key = nameKey(details.givenName, details.familyName);
  return sameBirth
    .filter((p) => nameKey(p.givenName, p.familyName) === key && phonesAgree(p.phone, details.phone))
    .map((p) => ({ id: p.id, mrn: p.mrn, displayName: `${p.givenName} ${p.familyName}`, dateOfBirth: p.dateOfBirth, phone: p.phone }));
}

/**
 * Refuses to register a likely duplicate unless the caller confirmed it is another person. The
 * candidates are shown to staff who may register patients (and so read their demographics); each
 * shown candidate is a read of patient data and audited as one.
 */
export async function assertNoDuplicate(ctx: Context, db: DbOrTx, details: Identifying, confirmed: boolean): Promise<void> {
  if (confirmed) return;
  const candidates = await findDuplicates(db, details);
  if (!candidates.length) return;
  for (const c of candidates) ctx.audit.record({ action: 'read', entityType: 'Patient', entityId: c.id, patientId: c.id, detail: { via: 'duplicate-check' } });
  const which = candidates.length === 1 ? 'A patient' : `${candidates.length} patients`;
  throw new AppError(
    ErrorCode.DUPLICATE_SUSPECTED,
    `${which} with the same name, date of birth and phone already exists. Open the existing record, or confirm this is a different person.`,
    { candidates },
  );
}
