import { randomUUID } from 'node:crypto';
import { AuditLog } from './audit.ts';
import type { Identity } from './auth/identity.ts';
import { assertSessionLive } from './auth/sessions.ts';
import { bearerToken, verifyAccessToken } from './auth/tokens.ts';
import type { Database, Db } from './db/connect.ts';
import type { RequestScope } from './db/request-scope.ts';
import { deadlineFrom, withDeadline } from './deadline.ts';
import { LoaderCache } from './loaders.ts';
import { type Logger, log } from './log.ts';

export interface Context {
  service: string;
  identity: Identity | null;
  /** The caller's verified bearer token, for a subgraph that must read another subgraph as the caller (see peers.ts). */
  token: string | null;
  database: Database;
  db: Db;
  loaders: LoaderCache;
  audit: AuditLog;
  requestId: string;
  ip: string | null;
  /** The client's User-Agent as the gateway passed it on (for the sessions list). */
  userAgent: string | null;
  log: Logger;
  scope: RequestScope;
}

export interface RequestInfo {
  authorization?: string | string[] | null;
  ip?: string | null;
  requestId?: string | null;
  userAgent?: string | null;
  /** The gateway's remaining budget in ms (deadline.ts): past it, no transaction commits. */
  deadlineMs?: string | string[] | null;
}

/** Builds a request's context. The token is verified here: a subgraph never trusts an unsigned header. */
export async function createContext(service: string, database: Database, req: RequestInfo, scope: RequestScope): Promise<Context> {
  const token = bearerToken(req.authorization);
  const identity = token ? await verifyAccessToken(token) : null;
  // Every subgraph refuses a token whose session ended a moment ago, not only the gateway (see auth/sessions.ts).
  await assertSessionLive(database.db, identity);
  const requestId = req.requestId || randomUUID();
  const ip = req.ip ?? null;
  const deadline = deadlineFrom(req.deadlineMs);
  return {
    service,
    identity,
    token: identity ? token : null,
    database,
    db: deadline === null ? database.db : withDeadline(database.db, deadline),
    loaders: new LoaderCache(),
    audit: new AuditLog({ service, identity, ip, requestId, operation: null }),
    requestId,
    ip,
    userAgent: req.userAgent ?? null,
    log: log.child({ service, requestId, userId: identity?.userId }),
    scope,
  };
}
