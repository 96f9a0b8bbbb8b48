import { describe, expect, it } from 'vitest';
import { apiError, fakeGateway } from '../testing/fake-gateway.ts';
import { memoryStorage } from '../testing/memory-storage.ts';
import { accountWith, authPayload } from '../testing/render-app.tsx';
import { createRefresher } from './refresh-session.ts';
import { createSession } from './session.ts';

const signedIn = () => {
  const session = createSession(memoryStorage());
  session.signIn(authPayload(accountWith(['NURSE']), 'a1', 'r1'));
  return session;
};

describe('refreshing the session', () => {
  it('rotates the refresh token once, however many callers ask at the same time', async () => {
    let n = 0;
    const gateway = fakeGateway({ RefreshSession: () => ({ data: { refreshSession: authPayload(accountWith(['NURSE']), `a${++n + 1}`, `r${n + 1}`) } }) });
    const session = signedIn();
    const refresher = createRefresher(session, { url: 'http://gateway.test/graphql', fetch: gateway.fetch });
    expect(await Promise.all([refresher.refresh(), refresher.refresh(), refresher.refresh()])).toEqual([true, true, true]);
    expect(gateway.named('RefreshSession').map((s) => s.variables)).toEqual([{ refreshToken: 'r1' }]);
    expect([session.accessToken(), session.refreshToken()]).toEqual(['a2', 'r2']);
    await refresher.refresh();
    expect(gateway.named('RefreshSession')[1]?.variables).toEqual({ refreshToken: 'r2' });
  });

  it('ends the session when the API says it is over', async () => {
    const gateway = fakeGateway({ RefreshSession: () => apiError('UNAUTHENTICATED', 'This session has ended; sign in again') });
    const session = signedIn();
    expect(await createRefresher(session, { fetch: gateway.fetch }).refresh()).toBe(false);
    expect(session.account()).toBeNull();
    expect(session.ended()).toBe('expired');
  });

  it('keeps the session when the network fails', async () => {
    const session = signedIn();
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await createRefresher(session, { fetch: offline }).refresh()).toBe(false);
    expect(session.refreshToken()).toBe('r1');
  });
});
