import { AppError, type Context, type DbOrTx, ErrorCode } from '@clinigraph/kit';
import { and, asc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import { patient, patientFacility } from '../db/schema.ts';

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

/** A patient who looks like the same person, with the facilities they belong to (which decide who may be shown them). */
export interface DuplicateMatch extends DuplicateCandidate {
  facilityIds: string[];
  createdAt: Date;
}

/**
 * Existing patients who look like the same person: the same date of birth, name and phone (merged records
 * are not candidates), oldest first. Whether the caller may see each is the caller's to decide.
 */
export async function findDuplicates(db: DbOrTx, details: Identifying): Promise<DuplicateMatch[]> {
  const sameBirth = await db
    .select({
      ...getTableColumns(patient),
      facilityIds: sql<string[]>`array(select ${patientFacility.facilityId}::text from ${patientFacility} where ${patientFacility.patientId} = ${patient.id})`,
    })
    .from(patient)
    .where(and(eq(patient.dateOfBirth, details.dateOfBirth), isNull(patient.mergedIntoId)))
    .orderBy(asc(patient.createdAt), asc(patient.id));
  const key = nameKey(details.givenName, details.familyName);
  return sameBirth
    .filter((p) => nameKey(p.givenName, p.familyName) === key && phonesAgree(p.phone, details.phone))
    .map((p) => ({
      id: p.id,
      mrn: p.mrn,
      displayName: `${p.givenName} ${p.familyName}`,
      dateOfBirth: p.dateOfBirth,
      phone: p.phone,
      facilityIds: p.facilityIds,
      createdAt: p.createdAt,
    }));
}

/**
 * Refuses to register a likely duplicate the caller may see. The candidates are shown to staff who may
 * register patients (and so read their demographics); each shown candidate is a read of patient data and
 * audited as one. Candidates of other facilities are never shown (see createPatient).
 */
export function refuseDuplicates(ctx: Context, candidates: readonly DuplicateMatch[]): never {
  for (const c of candidates) ctx.audit.record({ action: 'read', entityType: 'Patient', entityId: c.id, patientId: c.id, detail: { via: 'duplicate-check' } });
  const which = candidates.length === 1 ? 'A patient' : `${candidates.length} patients`;
  throw new AppError(
    ErrorCode.DUPLICATE_SUSPECTED,
    `${which} with the same name, date of birth and phone already exists. Open the existing record, or confirm this is a different person.`,
    { candidates: candidates.map(({ id, mrn, displayName, dateOfBirth, phone }) => ({ id, mrn, displayName, dateOfBirth, phone })) },
  );
}
