import { createClient, type Client as WsClient } from 'graphql-ws';
import { createSignal } from 'solid-js';
import type { Refresher } from './refresh-session.ts';
import type { Session } from './session.ts';

/**
 * What the connection badge shows. `idle`: nothing live is open; `reconnecting` also while a stream the server
 * ended is being resumed; `stopped`: a stream the page still shows ended for good, so its data no longer updates.
 */
export type ConnectionState = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'stopped';

export interface LiveSocket {
  client: WsClient;
  state: () => ConnectionState;
  /**
   * Closes the socket if it was opened with another token than the session's current one, and resolves
   * once it is closed: what subscribes next connects with the current token (and what was open resumes
   * from its cursor).
   */
  restart(): Promise<void>;
  /**
   * After the server refused the socket's token: refresh the session unless it already holds a newer
   * token than the socket's, then restart the socket. False when the session could not be renewed.
   */
  renew(): Promise<boolean>;
  /** Counts open subscriptions, to tell a lazy close from a lost connection. */
  track(delta: 1 | -1): void;
  /** Counts streams the server ended that are being resumed (a token refresh, a back-off): not live meanwhile. */
  resuming(delta: 1 | -1): void;
  /** Counts streams that ended for good while a page still shows them: their data no longer updates. */
  ended(delta: 1 | -1): void;
  dispose(): void;
}

const RESTART_CODE = 4205;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The absolute ws(s):// URL of a GraphQL endpoint given relative to the page. */
export const webSocketUrl = (url: string): string => {
  const absolute = new URL(url, globalThis.location?.href ?? 'http://localhost/');
  absolute.protocol = absolute.protocol === 'https:' ? 'wss:' : 'ws:';
  return absolute.toString();
};

/**
 * The graphql-ws connection live data travels on. It opens when the first subscription starts,
 * carries the access token in connectionParams (refreshing it first when about to expire), retries
 * forever with backoff, and reports its state for the connection badge.
 */
/** The close code of a socket whose sign-in session ended (graphql-ws "Unauthorized"). */
const SESSION_ENDED_CODE = 4401;
/** How long a 4401 waits for a sign-in answer still on its way (a password change ends the old session first). */
const SESSION_ENDED_GRACE_MS = 300;

export function createLiveSocket(options: { url: string; session: Session; refresher: Refresher; webSocketImpl?: unknown; retryBaseMs?: number }): LiveSocket {
  const { session, refresher, retryBaseMs = 500 } = options;
  const [socketState, setState] = createSignal<ConnectionState>('idle');
  const [resuming, setResuming] = createSignal(0);
  const [ended, setEnded] = createSignal(0);
  const state = (): ConnectionState => {
    if (ended() > 0) return 'stopped';
    return socketState() === 'live' && resuming() > 0 ? 'reconnecting' : socketState();
  };
  let open = 0;
  let socket: WebSocket | null = null;
  let connectedWith: string | null = null;
  const whenClosed: (() => void)[] = [];
  const client = createClient({
    url: webSocketUrl(options.url),
    webSocketImpl: options.webSocketImpl,
    lazy: true,
    lazyCloseTimeout: 1000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => sleep(Math.min(retryBaseMs * 2 ** retries, 10_000) + Math.random() * retryBaseMs),
    connectionParams: async () => {
      const expiresAt = session.expiresAt();
      if (expiresAt !== null && expiresAt - Date.now() < 30_000) await refresher.refresh();
      const token = session.accessToken();
      connectedWith = token;
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      connecting: (isRetry) => setState(isRetry ? 'reconnecting' : 'connecting'),
      opened: (opened) => {
        socket = opened as WebSocket;
      },
      connected: () => setState('live'),
      closed: (event) => {
        // 4401: the gateway ended this socket's session (signed out elsewhere, deactivated, a password change).
        // Unless this tab has a newer session by then (its own password change answers one), a refresh finds
        // out and, the session being over, signs the tab out instead of reconnecting with a dead token.
        if ((event as { code?: number } | undefined)?.code === SESSION_ENDED_CODE) {
          const closedWith = connectedWith;
          setTimeout(() => {
            if (session.accessToken() === closedWith) void refresher.refresh();
          }, SESSION_ENDED_GRACE_MS);
        }
        socket = null;
        setState(open > 0 ? 'reconnecting' : 'idle');
        for (const resolve of whenClosed.splice(0)) resolve();
      },
    },
  });
  const restart = () => {
    const current = socket;
    if (!current || current.readyState !== 1 || connectedWith === session.accessToken()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      whenClosed.push(resolve);
      current.close(RESTART_CODE, 'Client restart');
    });
  };
  return {
    client,
    state,
    restart,
    async renew() {
      const newer = session.accessToken() !== connectedWith && (session.expiresAt() ?? 0) - Date.now() > 30_000;
      if (!newer && !(await refresher.refresh())) return false;
      await restart();
      return true;
    },
    track(delta) {
      open += delta;
    },
    resuming: (delta) => setResuming((n) => n + delta),
    ended: (delta) => setEnded((n) => n + delta),
    dispose: () => void client.dispose(),
  };
}
