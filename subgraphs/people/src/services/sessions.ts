import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError, type Context, type DbOrTx, ErrorCode, type Identity, isRole, signAccessToken, tooManyRequests } from '@clinigraph/kit';
import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import { dummyHash, verifyPassword } from '../auth/password.ts';
import { account, accountFacility, loginFailure, refreshToken } from '../db/schema.ts';
import type { AccountRow } from './loaders.ts';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 30;

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
  return {
    userId: row.id,
    roles: row.roles.filter(isRole),
    patientId: row.patientId,
    providerId: row.providerId,
    facilityIds: facilities.map((f) => f.id),
    scopes: [],
  };
}

/** Issues an access token and a new refresh token (in `familyId`, or a new family). */
export async function issueSession(tx: DbOrTx, row: AccountRow, ip: string | null, familyId: string = randomUUID()): Promise<Session> {
  const identity = await identityOf(tx, row);
  const { token, expiresAt } = await signAccessToken(identity);
  const refresh = randomBytes(32).toString('base64url');
  await tx.insert(refreshToken).values({
    accountId: row.id,
    familyId,
    tokenHash: sha256(refresh),
    expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
    ip,
  });
  return { accessToken: token, accessTokenExpiresAt: expiresAt, refreshToken: refresh, account: row, identity };
}

export async function assertNotThrottled(ctx: Context, key: string): Promise<void> {
  const since = new Date(Date.now() - FAILURE_WINDOW_MS);
  const [byEmail] = await ctx.db
    .select({ n: count() })
    .from(loginFailure)
    .where(and(eq(loginFailure.emailKey, key), gt(loginFailure.at, since)));
  if ((byEmail?.n ?? 0) >= MAX_FAILURES_PER_EMAIL) throw tooManyRequests('Too many failed sign-ins; try again in 15 minutes', FAILURE_WINDOW_MS / 1000);
  if (ctx.ip) {
    const [byIp] = await ctx.db
      .select({ n: count() })
      .from(loginFailure)
      .where(and(eq(loginFailure.ip, ctx.ip), gt(loginFailure.at, since)));
    if ((byIp?.n ?? 0) >= MAX_FAILURES_PER_IP) throw tooManyRequests('Too many failed sign-ins from this address; try again later', FAILURE_WINDOW_MS / 1000);
  }
}

/**
 * Signs in. Unknown e-mail, wrong password and deactivated account all give the same error after the
 * same work, so the answer never tells whether an e-mail exists.
 */
export async function login(ctx: Context, email: string, password: string): Promise<Session> {
  const key = emailKey(email);
  await assertNotThrottled(ctx, key);
  const [row] = await ctx.db
    .select()
    .from(account)
    .where(eq(sql`lower(${account.email})`, key));
  const ok = await verifyPassword(password, row?.passwordHash ?? (await dummyHash));
  if (!row || !ok || row.status !== 'active') {
    await ctx.db.insert(loginFailure).values({ emailKey: key, ip: ctx.ip });
    throw unauthenticated('Wrong e-mail or password');
  }
  return ctx.db.transaction(async (tx) => {
    await tx.update(account).set({ lastLoginAt: new Date() }).where(eq(account.id, row.id));
    await ctx.audit.write(tx, { action: 'login', entityType: 'Account', entityId: row.id, patientId: row.patientId });
    return issueSession(tx, row, ctx.ip);
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
      return { error: 'This session has ended; sign in again', revokedFamily: true } as const;
    }
    if (stored.expiresAt.getTime() <= Date.now()) return { error: 'This session has expired; sign in again' } as const;
    const [row] = await tx.select().from(account).where(eq(account.id, stored.accountId));
    if (!row || row.status !== 'active') return { error: 'This session has ended; sign in again' } as const;
    await tx.update(refreshToken).set({ usedAt: new Date() }).where(eq(refreshToken.id, stored.id));
    return { session: await issueSession(tx, row, ctx.ip, stored.familyId) } as const;
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
    const [row] = await tx.select().from(account).where(eq(account.id, stored.accountId));
    if (!row || row.status !== 'active') return {};
    await ctx.audit.write(tx, { action: 'login', entityType: 'Account', entityId: row.id, patientId: row.patientId, detail: { via: 'another tab' } });
    return { session: await issueSession(tx, row, ctx.ip) };
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
  });
  return true;
}

/** Ends every session of an account (deactivation, password change, reset). */
export async function revokeAllSessions(tx: DbOrTx, accountId: string): Promise<void> {
  await tx
    .update(refreshToken)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshToken.accountId, accountId), isNull(refreshToken.revokedAt)));
}
