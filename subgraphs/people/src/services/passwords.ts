import { randomBytes } from 'node:crypto';
import {
  AppError,
  badInput,
  type Context,
  type DbOrTx,
  ErrorCode,
  invalidState,
  log,
  notFound,
  parseInput,
  publicLink,
  requireCapability,
  requireIdentity,
  sendMail,
  tooManyRequests,
} from '@clinigraph/kit';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { account, loginFailure, passwordReset } from '../db/schema.ts';
import { scopedAccount } from './account-scope.ts';
import type { AccountRow } from './loaders.ts';
import { passwordSchema } from './registration.ts';
import { assertNotThrottled, emailKey, issueSession, revokeAllSessions, type Session, sha256 } from './sessions.ts';

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;
/** Reset mails per account per hour; self-service requests beyond it still answer true but send nothing. */
export const MAX_RESETS_PER_HOUR = 3;

const newPasswordOf = (newPassword: string) => parseInput(z.object({ newPassword: passwordSchema }), { newPassword }).newPassword;

/** Spends every reset link the account still has, so none can be used after its password changed. */
const spendResetLinks = (tx: DbOrTx, accountId: string) =>
  tx
    .update(passwordReset)
    .set({ usedAt: new Date() })
    .where(and(eq(passwordReset.accountId, accountId), isNull(passwordReset.usedAt)));

/**
 * Changes the caller's own password. The current password is required (and wrong guesses count
 * towards the sign-in throttle). Every existing session and reset link ends; the caller gets a fresh session.
 */
export async function changePassword(ctx: Context, currentPassword: string, newPassword: string): Promise<Session> {
  const identity = requireIdentity(ctx);
  const next = newPasswordOf(newPassword);
  const [row] = await ctx.db.select().from(account).where(eq(account.id, identity.userId));
  if (!row || row.status !== 'active') throw notFound('Account');
  const key = emailKey(row.email);
  await assertNotThrottled(ctx, key);
  if (!(await verifyPassword(currentPassword, row.passwordHash))) {
    await ctx.db.insert(loginFailure).values({ emailKey: key, ip: ctx.ip });
    throw badInput('currentPassword: is wrong', [{ path: 'currentPassword', message: 'is wrong' }]);
  }
  if (currentPassword === next)
    throw badInput('newPassword: must differ from the current password', [{ path: 'newPassword', message: 'must differ from the current password' }]);
  const passwordHash = await hashPassword(next);
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx.update(account).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(account.id, row.id)).returning();
    await revokeAllSessions(tx, row.id, 'password-changed');
    await spendResetLinks(tx, row.id);
    await ctx.audit.write(tx, { action: 'update', entityType: 'Account', entityId: row.id, patientId: row.patientId, detail: { via: 'password-change' } });
    return issueSession(tx, updated!, ctx, undefined, identity.mfa === true);
  });
}

type RequestedBy = 'owner' | 'admin';

/**
 * Stores a new reset token for an active account (only its hash) and answers it, or null when the
 * account had its hourly share of links already. Runs in the caller's transaction.
 */
async function issueResetToken(ctx: Context, tx: DbOrTx, row: AccountRow, requestedBy: RequestedBy): Promise<string | null> {
  // Serialise requests for one account so the hourly cap holds under concurrency.
  await tx.select({ id: account.id }).from(account).where(eq(account.id, row.id)).for('update');
  const recent = await tx
    .select({ id: passwordReset.id })
    .from(passwordReset)
    .where(and(eq(passwordReset.accountId, row.id), gt(passwordReset.createdAt, new Date(Date.now() - 3600_000))));
  if (recent.length >= MAX_RESETS_PER_HOUR) return null;
  const token = randomBytes(32).toString('base64url');
  await tx.insert(passwordReset).values({ accountId: row.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MS) });
  await ctx.audit.write(tx, { action: 'create', entityType: 'PasswordReset', entityId: row.id, patientId: row.patientId, detail: { requestedBy } });
  return token;
}

const OPENING: Record<RequestedBy, string> = {
  owner: 'Someone asked to reset the password of your Clinigraph account. If it was you, use this link within an hour:',
  admin: 'An administrator of your clinic asked for a new password to be set for your Clinigraph account. Use this link within an hour:',
};

function resetMail(row: AccountRow, token: string, requestedBy: RequestedBy) {
  return {
    to: row.email,
    subject: 'Reset your Clinigraph password',
    text: [
      `Hello ${row.displayName},`,
      '',
      OPENING[requestedBy],
      publicLink('/reset-password', { token }),
      '',
      `Reset code: ${token}`,
      '',
      'If you did not expect this mail, ignore it: your password stays as it is.',
    ].join('\n'),
  };
}

/**
 * Sends a password-reset link by mail when the e-mail belongs to an active account. Always answers
 * true, whatever the e-mail, so the answer never tells whether an account exists.
 */
export async function requestPasswordReset(ctx: Context, rawEmail: string): Promise<boolean> {
  if (rawEmail.length > 320) return true;
  const [row] = await ctx.db
    .select()
    .from(account)
    .where(eq(sql`lower(${account.email})`, emailKey(rawEmail)));
  if (!row || row.status !== 'active') return true;
  const token = await ctx.db.transaction((tx) => issueResetToken(ctx, tx, row, 'owner'));
  if (!token) return true;
  // Not awaited: a slow mail server must not make known e-mails answer slower than unknown ones.
  void sendMail(resetMail(row, token, 'owner')).catch((err: unknown) => log.error({ err }, 'password reset mail failed'));
  return true;
}

/**
 * An admin sends a member of staff a reset link (a forgotten password, a first sign-in). The token
 * goes only into the mail, never into the answer or the audit trail. Patients use the sign-in page.
 */
export async function sendPasswordResetLink(ctx: Context, id: string): Promise<boolean> {
  const admin = requireCapability(ctx, 'account.manage');
  const row = await scopedAccount(ctx.db, admin, id);
  if (row.patientId || row.roles.includes('patient')) throw invalidState('Patients reset their own password with "Forgot your password?" on the sign-in page');
  if (row.status !== 'active') throw invalidState('This account is deactivated; reactivate it before sending a reset link');
  const token = await ctx.db.transaction((tx) => issueResetToken(ctx, tx, row, 'admin'));
  if (!token) throw tooManyRequests('Three reset links were sent to this account in the last hour; try again later', 3600);
  try {
    await sendMail(resetMail(row, token, 'admin'));
  } catch (err) {
    log.error({ err }, 'password reset mail failed');
    throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'The reset link could not be mailed; try again later');
  }
  return true;
}

const unknownLink = () =>
  badInput('This reset link is not valid. Check that you opened the whole link, or ask for a new one.', [
    { path: 'token', message: 'is not a valid reset link' },
  ]);
const usedLink = () =>
  invalidState('This reset link has already been used. Ask for a new one if you still need to reset your password.', { rule: 'RESET_LINK_USED' });
const expiredLink = () => invalidState('This reset link has expired: links work for an hour. Ask for a new one.', { rule: 'RESET_LINK_EXPIRED' });

/**
 * Sets a new password with a reset token. The token is single use and expires after an hour; every
 * other outstanding token of the account is spent too, and every session ends. A used or expired
 * link says so (INVALID_STATE with a rule), so the page can tell the person what to do.
 */
export async function resetPassword(ctx: Context, token: string, newPassword: string): Promise<boolean> {
  const next = newPasswordOf(newPassword);
  const [reset] = await ctx.db
    .select()
    .from(passwordReset)
    .where(eq(passwordReset.tokenHash, sha256(token)));
  if (!reset) throw unknownLink();
  if (reset.usedAt) throw usedLink();
  if (reset.expiresAt.getTime() <= Date.now()) throw expiredLink();
  const passwordHash = await hashPassword(next);
  await ctx.db.transaction(async (tx) => {
    // The conditional update is the single-use guarantee: of concurrent resets, one spends the token.
    const spent = await tx
      .update(passwordReset)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordReset.id, reset.id), isNull(passwordReset.usedAt), gt(passwordReset.expiresAt, new Date())))
      .returning({ id: passwordReset.id });
    if (spent.length === 0) throw reset.expiresAt.getTime() <= Date.now() ? expiredLink() : usedLink();
    const [row] = await tx.select().from(account).where(eq(account.id, reset.accountId)).for('update');
    if (!row || row.status !== 'active') throw unknownLink();
    await spendResetLinks(tx, row.id);
    await tx.update(account).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(account.id, row.id));
    await revokeAllSessions(tx, row.id, 'password-changed');
    // Whoever holds the mailbox is the owner: the sign-in throttle for this e-mail starts afresh.
    await tx.delete(loginFailure).where(eq(loginFailure.emailKey, emailKey(row.email)));
    await ctx.audit.write(tx, { action: 'update', entityType: 'Account', entityId: row.id, patientId: row.patientId, detail: { via: 'password-reset' } });
  });
  return true;
}
