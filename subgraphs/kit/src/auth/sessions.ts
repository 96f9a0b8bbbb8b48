import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.ts';
import { authSession } from '../db/schema.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { emitEvent } from '../events.ts';
import { Topics } from '../topics.ts';
import type { Identity } from './identity.ts';

/*
 * Why a table read per request rather than an in-memory revocation set fed by the event log: subgraphs
 * and the gateway run as separate processes in distributed mode, and a per-process set is only as fresh
 * as its event tail (and needs rebuilding on start), so a revoked token would still pass for a moment
 * somewhere. One primary-key read of `auth.session` per request and process (done once, while the
 * request's context is built) is exact everywhere at once and also carries what the idle timeout and the
 * absolute lifetime need. Open websockets hear of ended sessions through the `session.ended` event.
 */

export type SessionRow = typeof authSession.$inferSelect;

export const SessionEndReasons = ['sign-out', 'ended', 'ended-by-admin', 'deactivated', 'password-changed', 'token-reuse'] as const;
export type SessionEndReason = (typeof SessionEndReasons)[number];

export type SessionStatus = 'live' | 'ended' | 'idle' | 'expired' | 'unknown';

/** The gateway records use at most this often per session (idle timeouts are counted in minutes). */
export const SESSION_TOUCH_EVERY_MS = 60_000;

export function sessionStatus(
  row: Pick<SessionRow, 'endedAt' | 'expiresAt' | 'lastUsedAt' | 'idleTimeoutSeconds'> | undefined,
  now = Date.now(),
): SessionStatus {
  if (!row) return 'unknown';
  if (row.endedAt) return 'ended';
  if (row.expiresAt.getTime() <= now) return 'expired';
  if (row.idleTimeoutSeconds !== null && row.lastUsedAt.getTime() + row.idleTimeoutSeconds * 1000 <= now) return 'idle';
  return 'live';
}

const MESSAGES: Record<Exclude<SessionStatus, 'live'>, string> = {
  unknown: 'This session has ended; sign in again',
  ended: 'This session has ended; sign in again',
  idle: 'You were signed out after a period of inactivity; sign in again',
  expired: 'This session has expired; sign in again',
};

/**
 * The refusal of an ended session's token. A GraphQL error answered with HTTP 200: through federation the
 * gateway passes it on with its code (a subgraph's HTTP 401 would read there as an outage); the gateway
 * answers its own clients 401 (http/authenticate.ts).
 */
export const sessionEnded = (status: Exclude<SessionStatus, 'live'>) =>
  new AppError(ErrorCode.UNAUTHENTICATED, MESSAGES[status], { http: { status: 200 }, session: status });

/**
 * Refuses a token whose session has ended, idled out or passed its lifetime (UNAUTHENTICATED, 401).
 * Tokens without a session (services, partners) pass. With `touch`, records the use (at most once a minute).
 */
export async function assertSessionLive(db: DbOrTx, identity: Identity | null, { touch = false }: { touch?: boolean } = {}): Promise<void> {
  const sid = identity?.sessionId;
  if (!sid) return;
  const [row] = await db
    .select({
      endedAt: authSession.endedAt,
      expiresAt: authSession.expiresAt,
      lastUsedAt: authSession.lastUsedAt,
      idleTimeoutSeconds: authSession.idleTimeoutSeconds,
    })
    .from(authSession)
    .where(eq(authSession.id, sid));
  const status = sessionStatus(row);
  if (status !== 'live') throw sessionEnded(status);
  if (touch && row && Date.now() - row.lastUsedAt.getTime() >= SESSION_TOUCH_EVERY_MS) {
    const staleBefore = new Date(Date.now() - SESSION_TOUCH_EVERY_MS);
    await db
      .update(authSession)
      .set({ lastUsedAt: new Date() })
      .where(and(eq(authSession.id, sid), lt(authSession.lastUsedAt, staleBefore)));
  }
}

export interface OpenSession {
  id: string;
  accountId: string;
  idleTimeoutSeconds: number | null;
  lifetimeSeconds: number;
  userAgent: string | null;
  ip: string | null;
}

export async function openSession(tx: DbOrTx, s: OpenSession): Promise<SessionRow> {
  const now = Date.now();
  const [row] = await tx
    .insert(authSession)
    .values({
      id: s.id,
      accountId: s.accountId,
      createdAt: new Date(now),
      lastUsedAt: new Date(now),
      idleTimeoutSeconds: s.idleTimeoutSeconds,
      expiresAt: new Date(now + s.lifetimeSeconds * 1000),
      userAgent: s.userAgent?.slice(0, 512) ?? null,
      ip: s.ip,
    })
    .returning();
  if (!row) throw new Error('session insert returned nothing');
  return row;
}

/** At a refresh: the session as it stands (locked), with the idle timeout brought up to date and the use recorded when it is live. */
export async function renewSession(tx: DbOrTx, id: string, idleTimeoutSeconds: number | null): Promise<{ status: SessionStatus; row?: SessionRow }> {
  const [row] = await tx.select().from(authSession).where(eq(authSession.id, id)).for('update');
  const status = sessionStatus(row);
  if (status !== 'live' || !row) return { status };
  const [renewed] = await tx.update(authSession).set({ idleTimeoutSeconds, lastUsedAt: new Date() }).where(eq(authSession.id, id)).returning();
  return { status, row: renewed ?? row };
}

/** Ends sessions (by id, or every open one of an account) and tells the gateways to close their websockets. Returns the ids ended. */
export async function endSessions(
  tx: DbOrTx,
  which: { accountId: string; sessionIds?: string[] },
  reason: SessionEndReason,
  actorId: string | null = null,
): Promise<string[]> {
  const where = [eq(authSession.accountId, which.accountId), isNull(authSession.endedAt)];
  if (which.sessionIds) where.push(inArray(authSession.id, which.sessionIds));
  const ended = await tx
    .update(authSession)
    .set({ endedAt: new Date(), endReason: reason })
    .where(and(...where))
    .returning({ id: authSession.id });
  const sessionIds = ended.map((e) => e.id);
  if (sessionIds.length)
    await emitEvent(tx, { topic: Topics.sessionEnded, entityType: 'Account', entityId: which.accountId, actorId, payload: { sessionIds, reason } });
  return sessionIds;
}
