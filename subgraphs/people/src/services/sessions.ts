import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  AppError,
  authSession,
  type Context,
  type DbOrTx,
  ErrorCode,
  endSessions,
  granting,
  type Identity,
  isRole,
  openSession,
  renewSession,
  type SessionEndReason,
  type SessionRow,
  sessionEnded,
  sessionStatus,
  signAccessToken,
} from '@clinigraph/kit';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { dummyHash, verifyPassword } from '../auth/password.ts';
import { account, accountFacility, refreshToken } from '../db/schema.ts';
import { emergencyClaims } from './emergency-access.ts';
import type { AccountRow } from './loaders.ts';
import { isSessionVerified, markSessionVerified, mfaClaims } from './mfa.ts';
import { mfaChallengeFor } from './mfa-challenge.ts';
import { sessionPolicyFor } from './session-policy.ts';
import { assertSignInAllowed, claimSignInAttempt, forgiveSignInAttempt } from './sign-in-throttle.ts';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const emailKey = (email: string) => email.trim().toLowerCase();
const unauthenticated = (message: string) => new AppError(ErrorCode.UNAUTHENTICATED, message);

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  account: AccountRow;
  /** Who the new session is: what the payload's nested fields are resolved as. */
  identity: Identity;
}

export async function identityOf(db: DbOrTx, row: AccountRow): Promise<Identity> {
  const facilities = await db.select({ id: accountFacility.facilityId }).from(accountFacility).where(eq(accountFacility.accountId, row.id));
  const roles = row.roles.filter(isRole);
  return {
    userId: row.id,
    roles,
    patientId: row.patientId,
    providerId: row.providerId,
    // A network admin's token is not confined to facilities; everyone else's lists the facilities they belong to.
    facilityIds: granting({ roles, scopes: [] }, 'facility.all-sites') ? null : facilities.map((f) => f.id),
    scopes: [],
  };
}

/** Where a sign-in comes from (the sessions list shows it); a bare IP is accepted too. */
export interface ClientInfo {
  ip: string | null;
  userAgent?: string | null;
}

/**
 * Issues an access token and a new refresh token: in session `familyId` (a refresh, which the session's
 * idle timeout and absolute lifetime may refuse), or in a new session. A session is one refresh-token
 * family; its id is the access tokens' `sid` claim, so ending it refuses them at once everywhere.
 * `secondFactor`: a new session whose sign-in was confirmed with a second factor (its tokens carry `amr: otp`).
 */
export async function issueSession(tx: DbOrTx, row: AccountRow, client: string | null | ClientInfo, familyId?: string, secondFactor = false): Promise<Session> {
  const { ip, userAgent = null } = client !== null && typeof client === 'object' ? client : { ip: client };
  const base = await identityOf(tx, row);
  const policy = await sessionPolicyFor(tx, base);
  let session: SessionRow;
  if (familyId) {
    const renewed = await renewSession(tx, familyId, policy.idleTimeoutSeconds);
    if (renewed.status !== 'live' || !renewed.row) throw sessionEnded(renewed.status === 'live' ? 'unknown' : renewed.status);
    session = renewed.row;
  } else {
    session = await openSession(tx, { id: randomUUID(), accountId: row.id, ...policy, userAgent, ip });
  }
  if (secondFactor) await markSessionVerified(tx, row.id, session.id);
  // The session's break-the-glass grants still running go on into its refreshed tokens, which end with the first of them.
  const emergency = await emergencyClaims(tx, row.id, session.id);
  const identity: Identity = {
    ...base,
    sessionId: session.id,
    ...(await mfaClaims(tx, row.roles, session.id)),
    ...(emergency.patientIds.length ? { emergencyPatientIds: emergency.patientIds } : {}),
  };
  const secondsLeft = Math.floor((Math.min(session.expiresAt.getTime(), emergency.until?.getTime() ?? Number.POSITIVE_INFINITY) - Date.now()) / 1000);
  const { token, expiresAt } = await signAccessToken(identity, Math.max(1, Math.min(ACCESS_TOKEN_TTL_SECONDS, secondsLeft)));
  const refresh = randomBytes(32).toString('base64url');
  await tx.insert(refreshToken).values({
    accountId: row.id,
    familyId: session.id,
    tokenHash: sha256(refresh),
    expiresAt: new Date(Math.min(Date.now() + REFRESH_TOKEN_TTL_MS, session.expiresAt.getTime())),
    ip,
  });
  return { accessToken: token, accessTokenExpiresAt: expiresAt, refreshToken: refresh, account: row, identity };
}

/** Refuses while failed guesses at this e-mail (from this address, or overall) ask the caller to wait (sign-in-throttle.ts). */
export const assertNotThrottled = assertSignInAllowed;

/**
 * A refused sign-in in the audit trail (login activity): the account when the e-mail matched one, the
 * address it came from, never the e-mail typed (staff e-mails are personal data) nor the password.
 */
async function recordRefusedSignIn(ctx: Context, action: 'login_failed' | 'login_locked', accountId: string | null, reason: string): Promise<void> {
  await ctx.audit.write(ctx.db, { action, entityType: 'Account', entityId: accountId, detail: { reason } });
}

/**
 * Signs in. Unknown e-mail, wrong password and deactivated account all give the same error after the
 * same work, so the answer never tells whether an e-mail exists.
 */
export async function login(ctx: Context, email: string, password: string): Promise<Session> {
  const key = emailKey(email);
  const [row] = await ctx.db
    .select()
    .from(account)
    .where(eq(sql`lower(${account.email})`, key));
  // The guess is counted as a failure before the password is checked, so concurrent guesses cannot all slip past the limit.
  const attempt = await claimSignInAttempt(ctx, key).catch(async (err) => {
    await recordRefusedSignIn(ctx, 'login_locked', row?.id ?? null, 'too many failures');
    throw err;
  });
  const ok = await verifyPassword(password, row?.passwordHash ?? (await dummyHash), ctx.ip ?? key);
  if (!row || !ok || row.status !== 'active') {
    const reason = !row ? 'unknown e-mail' : !ok ? 'wrong password' : 'deactivated';
    await recordRefusedSignIn(ctx, 'login_failed', row?.id ?? null, reason);
    throw unauthenticated('Wrong e-mail or password');
  }
  await forgiveSignInAttempt(ctx.db, attempt);
  const challenge = await mfaChallengeFor(ctx, row.id);
  if (challenge) throw challenge;
  return ctx.db.transaction(async (tx) => {
    await tx.update(account).set({ lastLoginAt: new Date() }).where(eq(account.id, row.id));
    await ctx.audit.write(tx, { action: 'login', entityType: 'Account', entityId: row.id, patientId: row.patientId });
    return issueSession(tx, row, ctx);
  });
}

/** Rotates a refresh token. A token used twice means it leaked: its whole family is revoked. */
export async function refresh(ctx: Context, token: string): Promise<Session> {
  const outcome: { session?: Session; error?: string } = await ctx.db.transaction(async (tx) => {
    const [stored] = await tx
      .select()
      .from(refreshToken)
      .where(eq(refreshToken.tokenHash, sha256(token)))
      .for('update');
    if (!stored || stored.revokedAt) return { error: 'This session has ended; sign in again' } as const;
    if (stored.usedAt) {
      await tx
        .update(refreshToken)
        .set({ revokedAt: new Date() })
        .where(and(eq(refreshToken.familyId, stored.familyId), isNull(refreshToken.revokedAt)));
      await endSessions(tx, { accountId: stored.accountId, sessionIds: [stored.familyId] }, 'token-reuse');
      return { error: 'This session has ended; sign in again', revokedFamily: true } as const;
    }
    if (stored.expiresAt.getTime() <= Date.now()) return { error: 'This session has expired; sign in again' } as const;
    const [row] = await tx.select().from(account).where(eq(account.id, stored.accountId));
    if (!row || row.status !== 'active') return { error: 'This session has ended; sign in again' } as const;
    await tx.update(refreshToken).set({ usedAt: new Date() }).where(eq(refreshToken.id, stored.id));
    return { session: await issueSession(tx, row, ctx, stored.familyId) } as const;
  });
  if (!outcome.session) throw unauthenticated(outcome.error ?? 'This session has ended; sign in again');
  return outcome.session;
}

/**
 * A second, independent session for the account of a valid refresh token, for another browser tab: the
 * token stays as it is (its tab keeps rotating it), and the new session is a family of its own, so the
 * two tabs never race on one single-use token. Audited as a sign-in.
 */
export async function forkSession(ctx: Context, token: string): Promise<Session> {
  const outcome: { session?: Session } = await ctx.db.transaction(async (tx) => {
    const [stored] = await tx
      .select()
      .from(refreshToken)
      .where(eq(refreshToken.tokenHash, sha256(token)));
    if (!stored || stored.revokedAt || stored.usedAt || stored.expiresAt.getTime() <= Date.now()) return {};
    const [source] = await tx.select().from(authSession).where(eq(authSession.id, stored.familyId));
    if (sessionStatus(source) !== 'live') return {};
    const [row] = await tx.select().from(account).where(eq(account.id, stored.accountId));
    if (!row || row.status !== 'active') return {};
    await ctx.audit.write(tx, { action: 'login', entityType: 'Account', entityId: row.id, patientId: row.patientId, detail: { via: 'another tab' } });
    return { session: await issueSession(tx, row, ctx, undefined, await isSessionVerified(tx, stored.familyId)) };
  });
  if (!outcome.session) throw unauthenticated('This session has ended; sign in again');
  return outcome.session;
}

/** Revokes the refresh token's whole family, so no copy of it can be used again. */
export async function logout(ctx: Context, token: string): Promise<boolean> {
  const [stored] = await ctx.db
    .select()
    .from(refreshToken)
    .where(eq(refreshToken.tokenHash, sha256(token)));
  if (!stored) return false;
  const { familyId, accountId } = stored;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(refreshToken)
      .set({ revokedAt: new Date() })
      .where(and(eq(refreshToken.familyId, familyId), isNull(refreshToken.revokedAt)));
    await ctx.audit.write(tx, { action: 'logout', entityType: 'Account', entityId: accountId });
    await endSessions(tx, { accountId, sessionIds: [familyId] }, 'sign-out', ctx.identity?.userId ?? null);
  });
  return true;
}

/**
 * Ends sessions of an account, every one or those listed (deactivation, password change, reset, the
 * sessions list): their refresh tokens die and so do their access tokens, at once (the `sid` check).
 */
export async function revokeAllSessions(
  tx: DbOrTx,
  accountId: string,
  reason: SessionEndReason,
  { sessionIds, actorId = null }: { sessionIds?: string[]; actorId?: string | null } = {},
): Promise<string[]> {
  const tokens = [eq(refreshToken.accountId, accountId), isNull(refreshToken.revokedAt)];
  if (sessionIds) tokens.push(inArray(refreshToken.familyId, sessionIds));
  await tx
    .update(refreshToken)
    .set({ revokedAt: new Date() })
    .where(and(...tokens));
  return endSessions(tx, { accountId, sessionIds }, reason, actorId);
}
