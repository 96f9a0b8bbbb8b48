import { auditEvent, authSession, type Context, can, notFound, requireCapability, requireIdentity, type SessionRow, sessionStatus } from '@clinigraph/kit';
import Bowser from 'bowser';
import { and, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { accountInScope, assertMayChange, scopedAccount } from './account-scope.ts';
import { revokeAllSessions } from './sessions.ts';

export interface SessionView extends SessionRow {
  /** Whether it is the caller's own current session. */
  current: boolean;
}

/** "Firefox on Linux", from the User-Agent the session was opened with (bowser reads it). */
export function deviceOf(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const { browser, os } = Bowser.parse(userAgent);
  if (!browser.name && !os.name) return 'Unknown device';
  if (!os.name) return browser.name ?? 'Unknown device';
  return browser.name ? `${browser.name} on ${os.name}` : os.name;
}

/** An account's sessions that can still be used (not ended, idle or past their lifetime), newest first. */
async function liveSessions(ctx: Context, accountId: string): Promise<SessionView[]> {
  const rows = await ctx.db
    .select()
    .from(authSession)
    .where(and(eq(authSession.accountId, accountId), isNull(authSession.endedAt), gt(authSession.expiresAt, new Date())))
    .orderBy(desc(authSession.createdAt));
  const now = Date.now();
  return rows.filter((r) => sessionStatus(r, now) === 'live').map((r) => ({ ...r, current: r.id === ctx.identity?.sessionId }));
}

export function mySessions(ctx: Context): Promise<SessionView[]> {
  return liveSessions(ctx, requireIdentity(ctx).userId);
}

export async function accountSessions(ctx: Context, accountId: string): Promise<SessionView[]> {
  const admin = requireCapability(ctx, 'session.manage');
  await scopedAccount(ctx.db, admin, accountId);
  return liveSessions(ctx, accountId);
}

/**
 * Ends one session: one's own (any of them, this one included), or anyone's with `session.manage`.
 * Someone else's session answers NOT_FOUND exactly as a missing one.
 */
export async function endSession(ctx: Context, id: string): Promise<boolean> {
  const identity = requireIdentity(ctx);
  const [row] = await ctx.db.select().from(authSession).where(eq(authSession.id, id));
  if (!row || (row.accountId !== identity.userId && !can(identity, 'session.manage'))) throw notFound('Session');
  // Another facility's staff member's session does not exist, as far as a confined admin can tell.
  if (row.accountId !== identity.userId && !(await accountInScope(ctx.db, identity, row.accountId))) throw notFound('Session');
  if (row.endedAt) return false;
  const byAdmin = row.accountId !== identity.userId;
  return ctx.db.transaction(async (tx) => {
    await ctx.audit.write(tx, { action: 'session_end', entityType: 'Account', entityId: row.accountId, detail: { sessions: 1, byAdmin } });
    const ended = await revokeAllSessions(tx, row.accountId, byAdmin ? 'ended-by-admin' : 'ended', { sessionIds: [id], actorId: identity.userId });
    return ended.length > 0;
  });
}

/** Ends every session of an account (an admin, e.g. for a lost device); answers how many were open. */
export async function endAccountSessions(ctx: Context, accountId: string): Promise<number> {
  const admin = requireCapability(ctx, 'session.manage');
  return ctx.db.transaction(async (tx) => {
    assertMayChange(admin, await scopedAccount(tx, admin, accountId));
    const ended = await revokeAllSessions(tx, accountId, 'ended-by-admin', { actorId: admin.userId });
    await ctx.audit.write(tx, { action: 'session_end', entityType: 'Account', entityId: accountId, detail: { sessions: ended.length, byAdmin: true } });
    return ended.length;
  });
}

export const SignInActions = ['login', 'login_failed', 'login_locked', 'mfa_failed'] as const;
export type SignInAction = (typeof SignInActions)[number];
export type SignInRow = Pick<typeof auditEvent.$inferSelect, 'id' | 'at' | 'action' | 'ip' | 'detail'>;

/** The caller's own recent sign-ins, refused ones and lockouts included, newest first. */
export async function mySignIns(ctx: Context, first: number | null | undefined): Promise<SignInRow[]> {
  const identity = requireIdentity(ctx);
  const limit = Math.min(Math.max(first ?? 20, 1), 100);
  return ctx.db
    .select({ id: auditEvent.id, at: auditEvent.at, action: auditEvent.action, ip: auditEvent.ip, detail: auditEvent.detail })
    .from(auditEvent)
    .where(and(eq(auditEvent.entityType, 'Account'), eq(auditEvent.entityId, identity.userId), inArray(auditEvent.action, [...SignInActions])))
    .orderBy(desc(auditEvent.at), desc(auditEvent.id))
    .limit(limit);
}
