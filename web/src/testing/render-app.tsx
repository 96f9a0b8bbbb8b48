import { createMemoryHistory } from '@solidjs/router';
import { configure, render } from '@solidjs/testing-library';
import { App } from '../App.tsx';
import type { Account } from '../lib/session.ts';
import { createSession } from '../lib/session.ts';
import { fakeGateway, type Handler } from './fake-gateway.ts';
import { fakeLiveServer } from './fake-socket.ts';
import { memoryStorage } from './memory-storage.ts';

// jsdom has no scrolling; the router scrolls to the top on navigation.
window.scrollTo = () => {};
// An area's pages load lazily; the first load compiles the area, which can take a few seconds.
configure({ asyncUtilTimeout: 8000 });

export const FACILITY = { id: 'fac-1', name: 'Riverside Clinic', timezone: 'America/New_York' };

export const accountWith = (roles: Account['roles'], extra: Partial<Account> = {}): Account => ({
  id: 'acc-1',
  email: 'someone@clinigraph.test',
  displayName: 'Sam Someone',
  roles,
  patientId: null,
  providerId: null,
  facilities: [FACILITY],
  ...extra,
});

/** A payload as login returns it, for a session that is valid for a while. */
export const authPayload = (account: Account, token = 'access-1', refreshToken = 'refresh-1') => ({
  accessToken: token,
  accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  refreshToken,
  account: {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    roles: account.roles,
    patient: account.patientId ? { id: account.patientId } : null,
    provider: account.providerId ? { id: account.providerId } : null,
    facilities: account.facilities,
  },
});

/** Renders the whole app at a path, signed in as `account` (or not), against a fake gateway and live server. */
export function renderApp(options: { path: string; account?: Account | null; handlers?: Record<string, Handler> }) {
  const storage = memoryStorage();
  const session = createSession(storage);
  if (options.account) session.signIn(authPayload(options.account));
  const gateway = fakeGateway({
    Facilities: () => ({ data: { facilities: [FACILITY] } }),
    // Every page of the doctor area asks for the doctor's critical results; none unless a test says so.
    UnacknowledgedCriticalResults: () => ({ data: { unacknowledgedCriticalResults: [] } }),
    // The admin's Users page shows the clinic's two-step sign-in policy: admins only unless a test says so.
    MfaPolicy: () => ({ data: { mfaPolicy: { requiredRoles: ['ADMIN'] } } }),
    ...options.handlers,
  });
  const live = fakeLiveServer();
  const history = createMemoryHistory();
  history.set({ value: options.path });
  const view = render(() => (
    <App session={session} history={history} fetch={gateway.fetch} url="http://gateway.test/graphql" webSocketImpl={live.WebSocket} tabChannel={null} />
  ));
  return { ...view, session, gateway, live, history, storage };
}
