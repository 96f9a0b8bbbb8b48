import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { DEADLINE_HEADER, log } from '@clinigraph/kit';
import { injectTraceContext } from '@clinigraph/kit/tracing/http';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.ts';
import { CLIENT_IP_HANDOFF, signingFetcher } from './internal-calls.ts';
import { tallySqlCount } from './sql-count.ts';

export const SUBGRAPH_TIMEOUT_MS = Number(process.env.CLINIGRAPH_SUBGRAPH_TIMEOUT_MS ?? 10_000);

/**
 * A fetch with a deadline: a hung subgraph becomes an error naming it, not a hung gateway. The subgraph is
 * told the deadline too, so a write still running when the client is told SERVICE_UNAVAILABLE rolls back.
 */
export const fetchWithTimeout = (timeoutMs: number): Fetcher =>
  ((url: string, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set(DEADLINE_HEADER, String(timeoutMs));
    return fetch(url, { ...init, headers, signal: AbortSignal.timeout(timeoutMs) });
  }) as unknown as Fetcher;

/** The code a client sees when a subgraph could not be reached, timed out, or answered without GraphQL. */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

type Config = ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0];

/**
 * Calls one subgraph over HTTP with the caller's identity. @apollo/gateway forwards no client
 * headers by itself; the verified bearer token goes on explicitly and the subgraph verifies it again.
 * The gateway never retries, so a mutation is never sent twice.
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly serviceName: string,
    config: Config,
  ) {
    // Every call carries the gateway's assertion for this subgraph (internal-calls.ts).
    super({ ...config, fetcher: signingFetcher(serviceName, config?.fetcher ?? (fetch as unknown as Fetcher)) });
  }

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    const headers = request.http?.headers;
    if (!headers) return;
    if (context.token) headers.set('authorization', `Bearer ${context.token}`);
    if (context.requestId) headers.set('x-request-id', context.requestId);
    // The client IP goes inside the signed assertion, never as a header a subgraph would have to trust.
    if (context.ip) headers.set(CLIENT_IP_HANDOFF, context.ip);
    if (context.userAgent) headers.set('user-agent', context.userAgent);
    // W3C trace context: the subgraph's spans continue this request's trace (under @apollo/gateway's fetch span).
    injectTraceContext(headers);
  }

  /** Sums the subgraph's reported SQL count into the request's total (see sql-count.ts). */
  override didReceiveResponse({ response, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0]) {
    tallySqlCount(context, response.extensions);
    return response;
  }

  /**
   * A transport failure (refused, reset, timed out, a non-GraphQL answer) carries no serviceName from
   * @apollo/gateway. It becomes a typed error naming the subgraph, so the client gets partial data and
   * knows which part is missing; the address and the cause stay in the log.
   */
  override didEncounterError(error: Error, _request: unknown, response?: { status: number }, context?: GatewayContext): never {
    const timedOut = error.name === 'TimeoutError' || error.name === 'AbortError';
    log.warn({ err: error, service: this.serviceName, status: response?.status, requestId: context?.requestId }, 'subgraph request failed');
    const message = timedOut ? `The ${this.serviceName} service did not answer in time` : `The ${this.serviceName} service is unavailable`;
    throw new GraphQLError(message, { extensions: { code: SERVICE_UNAVAILABLE, serviceName: this.serviceName } });
  }
}
