import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import type { GatewayContext } from './context.ts';

export const SUBGRAPH_TIMEOUT_MS = Number(process.env.CLINIGRAPH_SUBGRAPH_TIMEOUT_MS ?? 10_000);

/** A fetch with a deadline: a hung subgraph becomes an error naming it, not a hung gateway. */
export const fetchWithTimeout = (timeoutMs: number): Fetcher =>
  ((url: string, init?: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetcher;

/**
 * Calls one subgraph over HTTP with the caller's identity. @apollo/gateway forwards no client
 * headers by itself; the verified bearer token goes on explicitly and the subgraph verifies it again.
 * The gateway never retries, so a mutation is never sent twice.
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    const headers = request.http?.headers;
    if (!headers) return;
    if (context.token) headers.set('authorization', `Bearer ${context.token}`);
    if (context.requestId) headers.set('x-request-id', context.requestId);
    if (context.ip) headers.set('x-forwarded-for', context.ip);
  }
}
