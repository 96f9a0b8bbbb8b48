import { stringifyDocument } from '@urql/core';
import { AUTH_PAYLOAD, type AuthPayload } from './auth-payload.ts';
import { graphql, type ResultOf, readFragment } from './graphql.ts';
import type { Session } from './session.ts';

export const FORK_SESSION = graphql(
  `
  mutation ForkSession($refreshToken: String!) { forkSession(refreshToken: $refreshToken) { ...AuthPayloadFields } }
`,
  [AUTH_PAYLOAD],
);

const LOGOUT_TAB = graphql(`
  mutation LogoutTab($refreshToken: String!) { logout(refreshToken: $refreshToken) }
`);

/** What tabs of the app say to each other on the session channel. */
export type TabMessage = { kind: 'need-session'; id: string } | { kind: 'session'; id: string; payload: AuthPayload } | { kind: 'signed-out' };

export interface TabChannel {
  postMessage(message: TabMessage): void;
  onmessage: ((event: { data: TabMessage }) => void) | null;
  close(): void;
}

export interface TabSessionOptions {
  url?: string;
  fetch?: typeof globalThis.fetch;
  channel?: TabChannel | null;
  /** How long a new tab waits for another tab to answer before it asks the person to sign in. */
  waitMs?: number;
}

const CHANNEL = 'clinigraph.session';

const defaultChannel = (): TabChannel | null => (typeof BroadcastChannel === 'undefined' ? null : (new BroadcastChannel(CHANNEL) as unknown as TabChannel));

/**
 * Sessions are kept per tab (sessionStorage), so a link opened in a new tab would ask the person to sign
 * in again. Instead, a new tab asks the app's other tabs over a BroadcastChannel (same origin only); one
 * that is signed in opens a second, independent session for it with `forkSession` (its own refresh-token
 * family, so the tabs never race on one single-use token) and hands it over. Signing out in one tab signs
 * every tab out. Without BroadcastChannel (or with no other tab) nothing changes: the tab asks for sign-in.
 */
export function shareSessionAcrossTabs(session: Session, options: TabSessionOptions = {}): () => void {
  const channel = options.channel === undefined ? defaultChannel() : options.channel;
  if (!channel) return () => {};
  const { url = '/graphql', fetch = globalThis.fetch, waitMs = 1500 } = options;
  const answered = new Set<string>();
  const fork = async (): Promise<AuthPayload | null> => {
    const refreshToken = session.refreshToken();
    if (!refreshToken) return null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: stringifyDocument(FORK_SESSION), operationName: 'ForkSession', variables: { refreshToken } }),
      });
      const body = (await response.json()) as { data?: ResultOf<typeof FORK_SESSION> | null };
      return body.data?.forkSession ? readFragment(AUTH_PAYLOAD, body.data.forkSession) : null;
    } catch {
      return null;
    }
  };
  const logout = (accessToken: string, refreshToken: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query: stringifyDocument(LOGOUT_TAB), operationName: 'LogoutTab', variables: { refreshToken } }),
    }).catch(() => undefined);
  let fromChannel = false;
  let waiting: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopWaiting = () => {
    waiting = null;
    clearTimeout(timer);
    session.setJoining(false);
  };
  channel.onmessage = async ({ data }) => {
    if (data.kind === 'need-session' && session.account() && !answered.has(data.id)) {
      answered.add(data.id);
      const payload = await fork();
      if (payload) channel.postMessage({ kind: 'session', id: data.id, payload });
    } else if (data.kind === 'session' && data.id === waiting) {
      stopWaiting();
      session.signIn(data.payload);
    } else if (data.kind === 'signed-out' && session.account()) {
      // This tab's own session ends on the server too, not just here.
      const [accessToken, refreshToken] = [session.accessToken(), session.refreshToken()];
      fromChannel = true;
      session.signOut('signed-out');
      fromChannel = false;
      if (accessToken && refreshToken) await logout(accessToken, refreshToken);
    }
  };
  if (!session.account()) {
    waiting = crypto.randomUUID();
    session.setJoining(true);
    timer = setTimeout(stopWaiting, waitMs);
    channel.postMessage({ kind: 'need-session', id: waiting });
  }
  const announceSignOut = session.onSignOut((reason) => {
    if (reason === 'signed-out' && !fromChannel) channel.postMessage({ kind: 'signed-out' });
  });
  return () => {
    stopWaiting();
    announceSignOut();
    channel.close();
  };
}
