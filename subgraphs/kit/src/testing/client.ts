import type { Identity } from '../auth/identity.ts';
import { internalCallHeaders } from '../auth/internal-call.ts';
import { signAccessToken } from '../auth/tokens.ts';
import { localServiceAt } from '../peers.ts';

export interface GqlResult<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

/**
 * The assertion the gateway would send with a POST of `body` to the subgraph this process serves at `url`,
 * for a client on this machine (127.0.0.1); none for any other URL.
 */
export async function internalCallerHeaders(url: string, body: string): Promise<Record<string, string>> {
  const service = localServiceAt(url);
  return service ? internalCallHeaders({ audience: service, issuer: 'test', method: 'POST', body, ip: '127.0.0.1' }) : {};
}

/**
 * Posts one GraphQL operation. The small client every test uses instead of hand-built requests. A call
 * straight to a subgraph this process serves carries the internal-call assertion the gateway would send,
 * so subgraph-level tests reach the schema; a test of the side door itself uses plain fetch.
 */
export async function gqlRequest<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string | null,
): Promise<GqlResult<T>> {
  const body = JSON.stringify({ query, variables });
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(await internalCallerHeaders(url, body)),
    },
    body,
  });
  const text = await res.text();
  let answer: { data?: T | null; errors?: GqlResult<T>['errors']; extensions?: Record<string, any> };
  try {
    answer = JSON.parse(text);
  } catch {
    answer = { errors: [{ message: text }] };
  }
  return { status: res.status, data: answer.data ?? null, errors: answer.errors ?? [], extensions: answer.extensions };
}

/** The first error's code, or null: `expect(codeOf(result)).toBe('NOT_FOUND')`. */
export const codeOf = (result: GqlResult): string | null => result.errors[0]?.extensions?.code ?? null;

/**
 * The root fields an answer holds data for. A refused query is `{ patient: null }` (root Query fields
 * are nullable), a refused mutation `null`: either way `expect(answered(result)).toEqual([])`.
 */
export const answered = (result: GqlResult): string[] => Object.keys(result.data ?? {}).filter((field) => result.data?.[field] != null);

/** A client bound to a URL and an identity. */
export interface GqlClient {
  token: string | null;
  request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>>;
  /** Like request, but fails the test with the errors if there are any. */
  data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export function gqlClient(url: string, token: string | null = null): GqlClient {
  return {
    token,
    request: (query, variables) => gqlRequest(url, query, variables, token),
    data: async <T>(query: string, variables?: Record<string, unknown>) => {
      const result = await gqlRequest<T>(url, query, variables, token);
      if (result.errors.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data;
    },
  };
}

/**
 * A token for an identity without going through login: for tests of subgraphs other than people.
 * Confirmed with a second factor unless `mfa: false`. Not confined to facilities unless the test names
 * them in `facilityIds` (facility-scoping tests do): a test about something else is not about where.
 */
export async function tokenFor(identity: Partial<Identity> & Pick<Identity, 'userId' | 'roles'>): Promise<string> {
  const { token } = await signAccessToken({ patientId: null, providerId: null, facilityIds: null, scopes: [], mfa: true, ...identity });
  return token;
}
