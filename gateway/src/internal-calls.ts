import type { Fetcher } from '@apollo/utils.fetcher';
import { INTERNAL_CALL_HEADER, signInternalCall } from '@clinigraph/kit';

/**
 * The gateway's side of the closed side doors (kit's auth/internal-call.ts): every request to a subgraph
 * carries an assertion signed for that subgraph over the exact body @apollo/gateway sends, with the client
 * IP as the gateway saw it (Express's `req.ip` under its `trust proxy` setting). @apollo/gateway builds the
 * body only after `willSendRequest`, so the data source hands the IP to this fetcher in a header that this
 * fetcher removes: it never leaves the gateway, and subgraphs ignore it anyway.
 */
export const CLIENT_IP_HANDOFF = 'x-clinigraph-client-ip';

export function signingFetcher(audience: string, fetcher: Fetcher): Fetcher {
  return async (url, init = {}) => {
    const { [CLIENT_IP_HANDOFF]: ip, ...headers } = init.headers ?? {};
    const assertion = await signInternalCall({ audience, issuer: 'gateway', method: init.method ?? 'POST', body: init.body, ip: ip || null });
    return fetcher(url, { ...init, headers: { ...headers, [INTERNAL_CALL_HEADER]: assertion } });
  };
}
