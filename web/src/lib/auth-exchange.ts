import { authExchange } from '@urql/exchange-auth';
import type { Refresher } from './refresh-session.ts';
import type { Session } from './session.ts';

/** Refresh this long before the access token expires. */
const EARLY_MS = 30_000;

/**
 * Sends the session's access token, refreshes it shortly before it expires, and after an
 * UNAUTHENTICATED answer refreshes once and retries the operation.
 */
export function sessionAuthExchange(session: Session, refresher: Refresher) {
  return authExchange(async (utils) => ({
    addAuthToOperation(operation) {
      const token = session.accessToken();
      return token ? utils.appendHeaders(operation, { authorization: `Bearer ${token}` }) : operation;
    },
    willAuthError() {
      const expiresAt = session.expiresAt();
      return expiresAt !== null && session.refreshToken() !== null && expiresAt - Date.now() < EARLY_MS;
    },
    didAuthError(error) {
      return session.refreshToken() !== null && error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
    },
    async refreshAuth() {
      await refresher.refresh();
    },
  }));
}
