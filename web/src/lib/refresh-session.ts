import { stringifyDocument } from '@urql/core';
import { AUTH_PAYLOAD } from './auth-payload.ts';
import { graphql, type ResultOf, readFragment } from './graphql.ts';
import type { Session } from './session.ts';

export const REFRESH = graphql(
  `
  mutation RefreshSession($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { ...AuthPayloadFields } }
`,
  [AUTH_PAYLOAD],
);

/** The refresh is sent outside urql (its exchanges wait on it), so it reads the answer itself. */
interface RefreshResponse {
  data?: ResultOf<typeof REFRESH> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Rotates the refresh token for a new access token. Calls made while one is in flight share it, since
 * the refresh token is single use. When the API says the session is over, the session ends (and the
 * app goes back to sign-in); a network failure leaves it as it was.
 */
export function createRefresher(session: Session, { url = '/graphql', fetch = globalThis.fetch }: { url?: string; fetch?: typeof globalThis.fetch } = {}) {
  let inFlight: Promise<boolean> | null = null;
  const run = async (): Promise<boolean> => {
    const refreshToken = session.refreshToken();
    if (!refreshToken) return false;
    let body: RefreshResponse;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: stringifyDocument(REFRESH), operationName: 'RefreshSession', variables: { refreshToken } }),
      });
      body = (await response.json()) as RefreshResponse;
    } catch {
      return false;
    }
    const payload = body.data?.refreshSession;
    if (payload) {
      session.signIn(readFragment(AUTH_PAYLOAD, payload));
      return true;
    }
    if (body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) session.signOut('expired');
    return false;
  };
  return {
    refresh(): Promise<boolean> {
      inFlight ??= run().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
  };
}
export type Refresher = ReturnType<typeof createRefresher>;
