import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../testing/memory-storage.ts';
import { accountWith, authPayload } from '../testing/render-app.tsx';
import { createSession } from './session.ts';

describe('the session', () => {
  it('keeps tokens and account in storage, so a reload of the tab stays signed in', () => {
    const storage = memoryStorage();
    createSession(storage).signIn(authPayload(accountWith(['DOCTOR'], { providerId: 'prov-1' }), 'a1', 'r1'));
    const reloaded = createSession(storage);
    expect(reloaded.accessToken()).toBe('a1');
    expect(reloaded.refreshToken()).toBe('r1');
    expect(reloaded.account()).toMatchObject({ roles: ['DOCTOR'], providerId: 'prov-1', patientId: null });
    expect(reloaded.expiresAt()).toBeGreaterThan(Date.now());
  });

  it('forgets everything on sign-out and remembers why', () => {
    const storage = memoryStorage();
    const session = createSession(storage);
    session.signIn(authPayload(accountWith(['ADMIN'])));
    session.signOut('expired');
    expect(session.account()).toBeNull();
    expect(session.accessToken()).toBeNull();
    expect(storage.length).toBe(0);
    expect(session.ended()).toBe('expired');
    session.signIn(authPayload(accountWith(['ADMIN'])));
    expect(session.ended()).toBeNull();
  });

  it('ignores a damaged stored session', () => {
    const storage = memoryStorage();
    storage.setItem('clinigraph.session', '{not json');
    expect(createSession(storage).account()).toBeNull();
  });
});
