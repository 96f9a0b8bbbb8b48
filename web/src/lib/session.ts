import { createSignal } from 'solid-js';
import type { AuthPayload } from './auth-payload.ts';
import type { Role } from './roles.ts';

/** Who is signed in, as the API's AuthPayload.account describes them. */
export interface Account {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  patientId: string | null;
  providerId: string | null;
  facilities: { id: string; name: string; timezone: string }[];
}

interface Stored {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
  account: Account;
}

export type EndReason = 'signed-out' | 'expired';

const KEY = 'clinigraph.session';

const accountOf = (a: AuthPayload['account']): Account => ({
  id: a.id,
  email: a.email,
  displayName: a.displayName,
  roles: a.roles,
  patientId: a.patient?.id ?? null,
  providerId: a.provider?.id ?? null,
  facilities: a.facilities ?? [],
});

function load(storage: Storage | undefined): Stored | null {
  try {
    const raw = storage?.getItem(KEY);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

/**
 * The signed-in session: a short-lived access token, the single-use refresh token that replaces it,
 * and the account. Kept for this browser tab only (sessionStorage), so two tabs never race to rotate
 * the same refresh token (the API revokes a whole session when one is used twice).
 */
export function createSession(storage: Storage | undefined = globalThis.sessionStorage) {
  const [state, setState] = createSignal<Stored | null>(load(storage));
  const [ended, setEnded] = createSignal<EndReason | null>(null);
  const [joining, setJoining] = createSignal(false);
  const signOutListeners = new Set<(reason: EndReason) => void>();
  const save = (next: Stored | null) => {
    if (next) storage?.setItem(KEY, JSON.stringify(next));
    else storage?.removeItem(KEY);
    setState(next);
  };
  return {
    accessToken: () => state()?.accessToken ?? null,
    refreshToken: () => state()?.refreshToken ?? null,
    expiresAt: () => state()?.expiresAt ?? null,
    account: () => state()?.account ?? null,
    /** Why the last session ended, for the sign-in page to say. */
    ended,
    /** True while this new tab asks the person's other tabs for a session (see tab-sessions.ts). */
    joining,
    setJoining,
    signIn(payload: AuthPayload) {
      setEnded(null);
      save({
        accessToken: payload.accessToken,
        refreshToken: payload.refreshToken,
        expiresAt: Date.parse(payload.accessTokenExpiresAt),
        account: accountOf(payload.account),
      });
    },
    /** Swaps in another access token of the same session (break-the-glass answers one); the refresh token stays. */
    useAccessToken(accessToken: string, accessTokenExpiresAt: string) {
      const was = state();
      if (was) save({ ...was, accessToken, expiresAt: Date.parse(accessTokenExpiresAt) });
    },
    signOut(reason: EndReason = 'signed-out') {
      const was = state();
      if (was) setEnded(reason);
      save(null);
      if (was) for (const listener of signOutListeners) listener(reason);
    },
    /** Called after each sign-out of a signed-in session; returns the unsubscribe. */
    onSignOut(listener: (reason: EndReason) => void): () => void {
      signOutListeners.add(listener);
      return () => signOutListeners.delete(listener);
    },
  };
}
export type Session = ReturnType<typeof createSession>;
