import { describe, expect, it } from 'vitest';
import { fakeGateway } from '../testing/fake-gateway.ts';
import { memoryStorage } from '../testing/memory-storage.ts';
import { accountWith, authPayload } from '../testing/render-app.tsx';
import { createSession } from './session.ts';
import { shareSessionAcrossTabs, type TabChannel, type TabMessage } from './tab-sessions.ts';

/** BroadcastChannel in memory: what one tab posts reaches every other tab, never itself. */
function channels() {
  const all: TabChannel[] = [];
  return () => {
    const channel: TabChannel = {
      onmessage: null,
      postMessage(message: TabMessage) {
        for (const other of all) if (other !== channel) queueMicrotask(() => other.onmessage?.({ data: structuredClone(message) }));
      },
      close() {
        all.splice(all.indexOf(channel), 1);
      },
    };
    all.push(channel);
    return channel;
  };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('a second tab of the app', () => {
  it('gets its own session from a signed-in tab instead of asking the person to sign in again', async () => {
    const gateway = fakeGateway({
      ForkSession: () => ({ data: { forkSession: authPayload(accountWith(['DOCTOR']), 'a-tab2', 'r-tab2') } }),
    });
    const open = channels();
    const first = createSession(memoryStorage());
    first.signIn(authPayload(accountWith(['DOCTOR']), 'a1', 'r1'));
    shareSessionAcrossTabs(first, { fetch: gateway.fetch, url: 'http://gateway.test/graphql', channel: open() });

    const second = createSession(memoryStorage());
    shareSessionAcrossTabs(second, { fetch: gateway.fetch, url: 'http://gateway.test/graphql', channel: open() });
    expect(second.joining()).toBe(true);
    await until(() => second.account() !== null);
    expect(second.joining()).toBe(false);
    expect([second.accessToken(), second.refreshToken()]).toEqual(['a-tab2', 'r-tab2']);
    // The first tab proved the session with its refresh token and keeps it: the tabs never share one.
    expect(gateway.named('ForkSession').map((c) => c.variables)).toEqual([{ refreshToken: 'r1' }]);
    expect(first.refreshToken()).toBe('r1');
  });

  it('asks for sign-in after a short wait when no other tab is signed in', async () => {
    const open = channels();
    const alone = createSession(memoryStorage());
    shareSessionAcrossTabs(alone, { channel: open(), waitMs: 20 });
    expect(alone.joining()).toBe(true);
    await until(() => !alone.joining());
    expect(alone.account()).toBeNull();
  });

  it('signing out in one tab signs out every tab, each ending its own session on the server', async () => {
    const gateway = fakeGateway({ LogoutTab: () => ({ data: { logout: true } }) });
    const open = channels();
    const [a, b] = [createSession(memoryStorage()), createSession(memoryStorage())];
    a.signIn(authPayload(accountWith(['NURSE']), 'a1', 'r1'));
    b.signIn(authPayload(accountWith(['NURSE']), 'a2', 'r2'));
    shareSessionAcrossTabs(a, { fetch: gateway.fetch, url: 'http://gateway.test/graphql', channel: open() });
    shareSessionAcrossTabs(b, { fetch: gateway.fetch, url: 'http://gateway.test/graphql', channel: open() });
    a.signOut();
    await until(() => b.account() === null);
    expect(b.ended()).toBe('signed-out');
    await until(() => gateway.named('LogoutTab').length === 1);
    expect(gateway.named('LogoutTab')[0]?.variables).toEqual({ refreshToken: 'r2' });
  });
});
