import {
  ACCESS_TOKEN_TTL_SECONDS,
  auditEvent,
  authSession,
  badInput,
  type Context,
  conflict,
  type DbOrTx,
  defineLoader,
  facilityScope,
  forbidden,
  groupByKey,
  type Identity,
  invalidState,
  isUuid,
  notFound,
  parseInput,
  requireCapability,
  signAccessToken,
} from '@clinigraph/kit';
import { and, asc, desc, eq, exists, gt, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { verifyPassword } from '../auth/password.ts';
import { account, accountFacility, emergencyAccess, loginFailure, patient, patientFacility } from '../db/schema.ts';
import { dateOfBirth, name } from './inputs.ts';
import { confirmedFactor, mfaClaims, useSecondFactor } from './mfa.ts';
import { assertNotThrottled, emailKey, identityOf } from './sessions.ts';

/**
 * Break-the-glass: a clinician (`chart.emergency-access`) opens the chart of a patient outside their
 * facilities in an emergency. They prove it is them again (their password, or a code from their
 * authenticator when the account uses two-step sign-in), name the patient by exact identifiers (an MRN,
 * or family name and date of birth), and say why. The grant is recorded, audited and flagged for an
 * admin's review; the clinician's session gets an access token whose `btg` claim holds the patient.
 *
 * The grant belongs to the sign-in session it was made in and lasts EMERGENCY_ACCESS_TTL_MS (at most the
 * session's lifetime). Each refresh of that session re-issues the claim from this table while the grant
 * lasts (`emergencyClaims`), and an access token carrying it never outlives the grant; a grant does not
 * follow the person into another session (another tab, a new sign-in), where they break the glass again.
 */
export const EMERGENCY_ACCESS_TTL_MS = 60 * 60 * 1000;

export type EmergencyAccessRow = typeof emergencyAccess.$inferSelect;

const mrn = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^CG\d{8}$/, 'is not an MRN (CG and eight digits)');

const breakTheGlassSchema = z
  .object({
    mrn: mrn.nullish(),
    familyName: name.nullish(),
    givenName: name.nullish(),
    dateOfBirth: dateOfBirth.nullish(),
    reason: z.string().trim().min(10, 'say why you need this chart (at least 10 characters)').max(1000, 'must be at most 1000 characters'),
    password: z.string().max(200).nullish(),
    code: z.string().trim().max(40).nullish(),
  })
  .refine((i) => !!i.mrn || (!!i.familyName && !!i.dateOfBirth), {
    path: ['mrn'],
    message: 'give the MRN, or the family name and date of birth',
  });

export type BreakTheGlassInput = z.input<typeof breakTheGlassSchema>;

export interface EmergencyAccessResult {
  patientId: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  grant: EmergencyAccessRow;
}

/** The break-the-glass grants of a session still running: the patients for the token's `btg`, and when the first of them ends. */
export async function emergencyClaims(db: DbOrTx, accountId: string, sessionId: string): Promise<{ patientIds: string[]; until: Date | null }> {
  const rows = await db
    .select({ patientId: emergencyAccess.patientId, expiresAt: emergencyAccess.expiresAt })
    .from(emergencyAccess)
    .where(and(eq(emergencyAccess.sessionId, sessionId), eq(emergencyAccess.accountId, accountId), gt(emergencyAccess.expiresAt, new Date())));
  const until = rows.length ? new Date(Math.min(...rows.map((r) => r.expiresAt.getTime()))) : null;
  return { patientIds: [...new Set(rows.map((r) => r.patientId))], until };
}

/** The refused attempt in the audit trail and against the account's sign-in throttle, then the error. */
async function refuse(ctx: Context, accountRow: { id: string; email: string }, why: string, error: Error): Promise<never> {
  await ctx.db.transaction(async (tx) => {
    if (why !== 'no match') await tx.insert(loginFailure).values({ emailKey: emailKey(accountRow.email), ip: ctx.ip });
    await ctx.audit.write(tx, { action: 'emergency_access_refused', entityType: 'EmergencyAccess', entityId: null, detail: { why, flagged: true } });
  });
  throw error;
}

/** Finds the one patient the identifiers name exactly (merged records never); null when none does. */
async function patientNamed(db: DbOrTx, input: z.output<typeof breakTheGlassSchema>): Promise<string | null> {
  const live = isNull(patient.mergedIntoId);
  const where = input.mrn
    ? and(eq(patient.mrn, input.mrn), live)
    : and(
        eq(sql`lower(${patient.familyName})`, input.familyName!.toLowerCase()),
        eq(patient.dateOfBirth, input.dateOfBirth!),
        input.givenName ? eq(sql`lower(${patient.givenName})`, input.givenName.toLowerCase()) : undefined,
        live,
      );
  const rows = await db.select({ id: patient.id }).from(patient).where(where).limit(2);
  if (rows.length > 1) throw conflict('More than one patient has this name and date of birth; give the MRN, or the given name too');
  return rows[0]?.id ?? null;
}

export async function breakTheGlass(ctx: Context, raw: unknown): Promise<EmergencyAccessResult> {
  const caller = requireCapability(ctx, 'chart.emergency-access');
  if (!caller.sessionId) throw forbidden('Break-the-glass needs a person’s signed-in session');
  const input = parseInput(breakTheGlassSchema, raw);
  const [row] = await ctx.db.select().from(account).where(eq(account.id, caller.userId));
  if (!row || row.status !== 'active') throw forbidden('This account cannot open charts');
  await assertNotThrottled(ctx, emailKey(row.email));

  // The step-up: a code when the account uses two-step sign-in, else the password.
  if (await confirmedFactor(ctx.db, row.id)) {
    if (!input.code)
      throw badInput('code: enter the code from your authenticator app', [{ path: 'code', message: 'enter the code from your authenticator app' }]);
    const proven = await ctx.db.transaction((tx) => useSecondFactor(tx, row.id, input.code!));
    if (!proven) await refuse(ctx, row, 'wrong code', badInput('code: that code is not right', [{ path: 'code', message: 'that code is not right' }]));
  } else {
    if (!input.password) throw badInput('password: enter your password', [{ path: 'password', message: 'enter your password' }]);
    if (!(await verifyPassword(input.password, row.passwordHash))) {
      await refuse(ctx, row, 'wrong password', badInput('password: that password is not right', [{ path: 'password', message: 'that password is not right' }]));
    }
  }

  const patientId = await patientNamed(ctx.db, input);
  if (!patientId) return refuse(ctx, row, 'no match', notFound('Patient'));

  return ctx.db.transaction(async (tx) => {
    const [session] = await tx.select().from(authSession).where(eq(authSession.id, caller.sessionId!));
    if (!session || session.endedAt) throw forbidden('This session has ended; sign in again');
    const expiresAt = new Date(Math.min(Date.now() + EMERGENCY_ACCESS_TTL_MS, session.expiresAt.getTime()));
    const [grant] = await tx
      .insert(emergencyAccess)
      .values({ accountId: row.id, patientId, sessionId: session.id, reason: input.reason, expiresAt })
      .returning();
    await ctx.audit.write(tx, {
      action: 'emergency_access',
      entityType: 'EmergencyAccess',
      entityId: grant!.id,
      patientId,
      detail: { reason: input.reason, expiresAt: expiresAt.toISOString(), flagged: true, stepUp: input.code ? 'code' : 'password' },
    });
    const claims = await emergencyClaims(tx, row.id, session.id);
    const identity: Identity = {
      ...(await identityOf(tx, row)),
      sessionId: session.id,
      ...(await mfaClaims(tx, row.roles, session.id)),
      emergencyPatientIds: claims.patientIds,
    };
    const lasts = Math.min(session.expiresAt.getTime(), claims.until?.getTime() ?? Number.POSITIVE_INFINITY) - Date.now();
    const { token, expiresAt: tokenExpiresAt } = await signAccessToken(identity, Math.max(1, Math.min(ACCESS_TOKEN_TTL_SECONDS, Math.floor(lasts / 1000))));
    return { patientId, accessToken: token, accessTokenExpiresAt: tokenExpiresAt, grant: grant! };
  });
}

/**
 * The grants an admin reviewing break-the-glass may see: every grant for a network admin; for an admin
 * of some facilities, those made by their facilities' staff or opening their facilities' patients.
 */
function grantsInScope(identity: Identity) {
  const scope = facilityScope(identity);
  if (scope === null) return undefined;
  if (scope.length === 0) return sql`false`;
  return or(
    exists(
      sql`(select 1 from ${accountFacility} where ${accountFacility.accountId} = ${emergencyAccess.accountId} and ${inArray(accountFacility.facilityId, [...scope])})`,
    ),
    exists(
      sql`(select 1 from ${patientFacility} where ${patientFacility.patientId} = ${emergencyAccess.patientId} and ${inArray(patientFacility.facilityId, [...scope])})`,
    ),
  );
}

/** Break-the-glass grants for review: unreviewed first, newest first within each (`reviewed` narrows to one of the two). */
export async function emergencyAccessGrants(ctx: Context, args: { reviewed?: boolean | null; first?: number | null }): Promise<EmergencyAccessRow[]> {
  const identity = requireCapability(ctx, 'emergency-access.review');
  const first = args.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > 200)
    throw badInput('first must be between 1 and 200', [{ path: 'first', message: 'must be between 1 and 200' }]);
  const rows = await ctx.db
    .select()
    .from(emergencyAccess)
    .where(
      and(
        grantsInScope(identity),
        args.reviewed === true ? isNotNull(emergencyAccess.reviewedAt) : args.reviewed === false ? isNull(emergencyAccess.reviewedAt) : undefined,
      ),
    )
    .orderBy(asc(sql`(${emergencyAccess.reviewedAt} is not null)`), desc(emergencyAccess.at), desc(emergencyAccess.id))
    .limit(first);
  for (const g of rows) ctx.audit.record({ action: 'read', entityType: 'EmergencyAccess', entityId: g.id, patientId: g.patientId });
  return rows;
}

/** Marks a grant reviewed, with what the reviewer concluded. A grant outside the reviewer's facilities is NOT_FOUND. */
export async function reviewEmergencyAccess(ctx: Context, id: string, rawNote: unknown): Promise<EmergencyAccessRow> {
  const identity = requireCapability(ctx, 'emergency-access.review');
  const note = parseInput(
    z.object({ note: z.string().trim().min(3, 'say what the review found (at least 3 characters)').max(2000, 'must be at most 2000 characters') }),
    { note: rawNote },
  ).note;
  if (!isUuid(id)) throw notFound('Emergency access');
  return ctx.db.transaction(async (tx) => {
    const [grant] = await tx
      .select()
      .from(emergencyAccess)
      .where(and(eq(emergencyAccess.id, id), grantsInScope(identity)))
      .for('update');
    if (!grant) throw notFound('Emergency access');
    if (grant.reviewedAt) throw invalidState('This emergency access was already reviewed');
    const [reviewed] = await tx
      .update(emergencyAccess)
      .set({ reviewedBy: identity.userId, reviewedAt: new Date(), reviewNote: note })
      .where(eq(emergencyAccess.id, id))
      .returning();
    await ctx.audit.write(tx, { action: 'emergency_access_review', entityType: 'EmergencyAccess', entityId: id, patientId: grant.patientId, detail: { note } });
    return reviewed!;
  });
}

export type EmergencyReadRow = typeof auditEvent.$inferSelect;

/** About this many reads are listed per grant (the audit trail holds them all). */
export const READS_PER_GRANT = 200;

/**
 * What each grant's holder read or changed of the patient under it: the audit rows marked emergency
 * access, by the grant's account, of its patient, from the grant until it ended (at most READS_PER_GRANT
 * a grant on average); one statement for every grant asked.
 */
export const emergencyReadsByGrant = defineLoader<Context, string, EmergencyReadRow[]>(async (ctx, ids) => {
  const rows = await ctx.db
    .select({ grantId: emergencyAccess.id, event: auditEvent })
    .from(emergencyAccess)
    .innerJoin(
      auditEvent,
      and(
        eq(auditEvent.actorId, emergencyAccess.accountId),
        eq(auditEvent.patientId, emergencyAccess.patientId),
        gte(auditEvent.at, emergencyAccess.at),
        lte(auditEvent.at, emergencyAccess.expiresAt),
        sql`${auditEvent.detail} @> '{"emergencyAccess": true}'::jsonb`,
      ),
    )
    .where(inArray(emergencyAccess.id, [...ids]))
    .orderBy(asc(auditEvent.id))
    .limit(READS_PER_GRANT * ids.length);
  return groupByKey(ids, rows, (r) => r.grantId).map((reads) => reads.map((r) => r.event));
});
