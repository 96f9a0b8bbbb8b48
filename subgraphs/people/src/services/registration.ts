import { birthDate, type Context, can, conflict, type DbOrTx, parseInput, pgErrorInfo, SqlState } from '@clinigraph/kit';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { hashPassword } from '../auth/password.ts';
import { account, mrnSequence, patient, patientFacility } from '../db/schema.ts';
import { formatMrn } from './mrn.ts';
import { soleFacilityOf } from './patient-scope.ts';
import { issueSession, type Session } from './sessions.ts';

export const passwordSchema = z.string().min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters');

export const patientDetailsSchema = z.object({
  givenName: z.string().trim().min(1, 'is required').max(100),
  familyName: z.string().trim().min(1, 'is required').max(100),
  dateOfBirth: birthDate,
  sex: z.enum(['female', 'male', 'intersex', 'unknown']),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, 'is not a phone number')
    .nullish(),
  email: z.email('is not an e-mail address').nullish(),
  address: z.string().trim().max(500).nullish(),
});

const registrationSchema = patientDetailsSchema.extend({ email: z.email('is not an e-mail address'), password: passwordSchema });

export async function insertPatient(tx: DbOrTx, details: z.output<typeof patientDetailsSchema>, registeredFacilityId: string | null = null) {
  const [seq] = await tx.select({ n: sql<string>`nextval('people.mrn_seq')` }).from(sql`(select 1) as one`);
  void mrnSequence;
  const [row] = await tx
    .insert(patient)
    .values({ ...details, mrn: formatMrn(Number(seq?.n)), registeredFacilityId })
    .returning();
  if (!row) throw new Error('patient insert returned nothing');
  // A patient belongs to the facility they are registered at (facility scoping, patient-scope.ts).
  if (registeredFacilityId) await tx.insert(patientFacility).values({ patientId: row.id, facilityId: registeredFacilityId }).onConflictDoNothing();
  return row;
}

/** A patient signs themselves up: a patient record and a patient account, in one transaction. */
export async function registerPatient(ctx: Context, input: unknown): Promise<Session> {
  const { password, ...details } = parseInput(registrationSchema, input);
  const passwordHash = await hashPassword(password);
  try {
    return await ctx.db.transaction(async (tx) => {
      // Signed up at a desk by a member of staff: the patient belongs to their facility; signed up alone, to none until booked somewhere.
      const deskFacility = can(ctx.identity, 'patient.register') ? await soleFacilityOf(tx, ctx.identity) : null;
      const p = await insertPatient(tx, details, deskFacility);
      const [acc] = await tx
        .insert(account)
        .values({ email: details.email, passwordHash, roles: ['patient'], displayName: `${p.givenName} ${p.familyName}`, patientId: p.id })
        .returning();
      if (!acc) throw new Error('account insert returned nothing');
      await ctx.audit.write(tx, { action: 'create', entityType: 'Patient', entityId: p.id, patientId: p.id, detail: { via: 'self-registration' } });
      return issueSession(tx, acc, ctx);
    });
  } catch (err) {
    const info = pgErrorInfo(err);
    if (info?.code === SqlState.UNIQUE_VIOLATION && info.constraint === 'account_email_uq') throw conflict('An account with this e-mail already exists');
    throw err;
  }
}
