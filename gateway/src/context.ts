import type { Identity } from '@clinigraph/kit';

/** The gateway's per-request context: the verified caller, passed on to subgraphs explicitly. */
export interface GatewayContext {
  token: string | null;
  identity: Identity | null;
  ip: string | null;
  requestId: string;
}
