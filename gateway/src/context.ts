import { randomUUID } from 'node:crypto';
import type { Identity } from '@clinigraph/kit';

/** The gateway's per-request context: the verified caller, passed on to subgraphs explicitly. */
export interface GatewayContext {
  token: string | null;
  identity: Identity | null;
  ip: string | null;
  requestId: string;
  /** The client's User-Agent, passed on to subgraphs (people lists sessions by device). */
  userAgent?: string | null;
  /** SQL statements the subgraphs reported for this request so far (their `extensions.sqlCount`), summed. */
  sqlCount: number;
}

/**
 * A context for a caller whose token has already been verified (HTTP requests, and in-process operations).
 * An HTTP request brings the id the access log gave it (see kit's access-log.ts); subgraphs receive it as X-Request-Id.
 */
export const gatewayContext = (
  caller: { token: string | null; identity: Identity | null },
  ip: string | null = null,
  requestId: string = randomUUID(),
  userAgent: string | null = null,
): GatewayContext => ({
  token: caller.token,
  identity: caller.identity,
  ip,
  requestId,
  userAgent,
  sqlCount: 0,
});
