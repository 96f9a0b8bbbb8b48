import { internalCallHeaders } from './auth/internal-call.ts';
import { injectTraceContext } from './tracing/http.ts';

/**
 * Where another subgraph answers, for the rare synchronous read one subgraph must make of another as
 * the caller (care's allergy check at finalise reads people's Patient.allergies through people's own
 * `_entities`, with people's authorisation). Order: CLINIGRAPH_<NAME>_URL or <NAME>_URL (the names the
 * gateway reads), then a subgraph started in this process (embedded mode, test stacks), then the
 * distributed default port.
 */
const local = new Map<string, string>();

/** Every subgraph served by this process, by URL (several test stacks may serve one name at once). */
const served = new Map<string, string>();

export function registerLocalService(name: string, url: string): () => void {
  local.set(name, url);
  served.set(url, name);
  return () => {
    served.delete(url);
    if (local.get(name) === url) local.delete(name);
  };
}

/** The name of the subgraph this process serves at `url`, or null (the test client signs its direct calls with it). */
export const localServiceAt = (url: string): string | null => served.get(url) ?? null;

const defaultPorts: Record<string, number> = { people: 4001, care: 4002, scheduling: 4003, supply: 4004, finance: 4005 };

export function serviceUrl(name: string): string {
  const fromEnv = process.env[`CLINIGRAPH_${name.toUpperCase()}_URL`] ?? process.env[`${name.toUpperCase()}_URL`];
  if (fromEnv) return fromEnv;
  const inProcess = local.get(name);
  if (inProcess) return inProcess;
  return `http://localhost:${defaultPorts[name] ?? 4000}/graphql`;
}

export interface EntitiesAnswer<T> {
  entities: (T | null)[] | null;
  errors: { message: string; extensions?: { code?: string } }[];
  status: number;
}

/**
 * Reads entities another subgraph owns through its own `_entities`, as the bearer of `token`, so the
 * owner applies (and audits) its own authorisation. Network failures and timeouts reject; what to do
 * with errors in the answer is the caller's policy.
 */
/** How long one subgraph waits for another's answer (CLINIGRAPH_PEER_TIMEOUT_MS, default 5 s). */
const PEER_TIMEOUT_MS = Number(process.env.CLINIGRAPH_PEER_TIMEOUT_MS ?? 5000);

/** Who makes a peer call and to whom: the assertion the owner checks (auth/internal-call.ts). */
export interface PeerCall {
  /** The calling subgraph. */
  from: string;
  /** The subgraph that owns the entities (the one at `url`). */
  to: string;
  /** The client IP from the caller's own verified assertion, passed on for the owner's audit trail. */
  ip?: string | null;
}

export async function fetchEntities<T>(
  url: string,
  token: string,
  typename: string,
  ids: string[],
  selection: string,
  { call, timeoutMs = PEER_TIMEOUT_MS, requestId }: { call: PeerCall; timeoutMs?: number; requestId?: string },
): Promise<EntitiesAnswer<T>> {
  const query = `query PeerEntities($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`;
  const body = JSON.stringify({ query, variables: { r: ids.map((id) => ({ __typename: typename, id })) } });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    authorization: `Bearer ${token}`,
    ...(requestId ? { 'x-request-id': requestId } : {}),
    ...(await internalCallHeaders({ audience: call.to, issuer: call.from, method: 'POST', body, ip: call.ip ?? null })),
  };
  injectTraceContext(headers);
  const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
  const answer = (await res.json()) as { data?: { _entities: (T | null)[] } | null; errors?: EntitiesAnswer<T>['errors'] };
  return { entities: answer.data?._entities ?? null, errors: answer.errors ?? [], status: res.status };
}
