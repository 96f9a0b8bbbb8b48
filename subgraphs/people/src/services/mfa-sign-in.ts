import { type Context, unauthenticated } from '@clinigraph/kit';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { account, loginFailure, mfaChallenge } from '../db/schema.ts';
import { useSecondFactor } from './mfa.ts';
import { challengeHash, MAX_CHALLENGE_ATTEMPTS } from './mfa-challenge.ts';
import { assertNotThrottled, emailKey, issueSession, type Session } from './sessions.ts';

const expired = () => unauthenticated('This sign-in has expired; enter your e-mail and password again');

/**
 * The second step of a sign-in: the challenge from `login` and a TOTP code (not one used before) or an
 * unused recovery code. A wrong code counts against the challenge (MAX_CHALLENGE_ATTEMPTS, then it is
 * dead) and against the e-mail's sign-in throttle, and is audited; the right one issues the session.
 */
export async function completeMfaSignIn(ctx: Context, challenge: string, code: string): Promise<Session> {
  const [pending] = await ctx.db
    .select()
    .from(mfaChallenge)
    .where(eq(mfaChallenge.tokenHash, challengeHash(challenge)));
  if (!pending || pending.usedAt || pending.expiresAt.getTime() <= Date.now() || pending.attempts >= MAX_CHALLENGE_ATTEMPTS) throw expired();
  const [row] = await ctx.db.select().from(account).where(eq(account.id, pending.accountId));
  if (!row || row.status !== 'active') throw expired();
  await assertNotThrottled(ctx, emailKey(row.email));
  const outcome = await ctx.db.transaction(async (tx) => {
    const how = await useSecondFactor(tx, row.id, code);
    if (!how) return null;
    const claimed = await tx
      .update(mfaChallenge)
      .set({ usedAt: new Date() })
      .where(and(eq(mfaChallenge.id, pending.id), isNull(mfaChallenge.usedAt)))
      .returning({ id: mfaChallenge.id });
    if (!claimed.length) return null;
    await tx.update(account).set({ lastLoginAt: new Date() }).where(eq(account.id, row.id));
    await ctx.audit.write(tx, { action: 'login', entityType: 'Account', entityId: row.id, patientId: row.patientId, detail: { mfa: how } });
    return issueSession(tx, row, ctx, undefined, true);
  });
  if (outcome) return outcome;
  await ctx.db.transaction(async (tx) => {
    const [counted] = await tx
      .update(mfaChallenge)
      .set({ attempts: sql`${mfaChallenge.attempts} + 1` })
      .where(eq(mfaChallenge.id, pending.id))
      .returning({ attempts: mfaChallenge.attempts });
    await tx.insert(loginFailure).values({ emailKey: emailKey(row.email), ip: ctx.ip });
    await ctx.audit.write(tx, {
      action: 'mfa_failed',
      entityType: 'Account',
      entityId: row.id,
      detail: { attempt: counted?.attempts ?? null, locked: (counted?.attempts ?? 0) >= MAX_CHALLENGE_ATTEMPTS },
    });
  });
  throw unauthenticated('That code is not right');
}
