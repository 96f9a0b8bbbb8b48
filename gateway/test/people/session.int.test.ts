import { codeOf, gqlClient } from '@clinigraph/kit/testing';
import { changedTables, fingerprint } from '@clinigraph/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const REGISTER = `mutation Register($input: RegisterPatientInput!) {
  registerPatient(input: $input) { accessToken refreshToken account { email roles patient { mrn givenName } } }
}`;
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken } }';
const REFRESH = 'mutation($token: String!) { refreshSession(refreshToken: $token) { accessToken refreshToken } }';
const LOGOUT = 'mutation($token: String!) { logout(refreshToken: $token) }';
const ME = '{ me { email patient { givenName appointments { id } } } }';

const input = (email: string) => ({ email, password: 'through the gateway', givenName: 'Gita', familyName: 'Rao', dateOfBirth: '1988-05-06', sex: 'FEMALE' });

async function tracked<T>(run: () => Promise<T>) {
  const before = await fingerprint(stack.db.database);
  const result = await run();
  return { result, changed: changedTables(before, await fingerprint(stack.db.database)) };
}

describe('a session through the gateway', () => {
  it('register → login → refresh → logout, with the profile crossing into scheduling', async () => {
    const { registerPatient } = await stack.anonymous.data<{ registerPatient: any }>(REGISTER, { input: input('gita@example.com') });
    expect(registerPatient.account).toMatchObject({ email: 'gita@example.com', roles: ['PATIENT'], patient: { givenName: 'Gita' } });

    const { login } = await stack.anonymous.data<{ login: { accessToken: string; refreshToken: string } }>(LOGIN, {
      email: 'gita@example.com',
      password: 'through the gateway',
    });
    const me = await gqlClient(stack.graphqlUrl, login.accessToken).data<{ me: any }>(ME);
    expect(me.me).toEqual({ email: 'gita@example.com', patient: { givenName: 'Gita', appointments: [] } });

    const { refreshSession } = await stack.anonymous.data<{ refreshSession: { accessToken: string; refreshToken: string } }>(REFRESH, {
      token: login.refreshToken,
    });
    const client = gqlClient(stack.graphqlUrl, refreshSession.accessToken);
    expect((await client.data<{ me: any }>(ME)).me.email).toBe('gita@example.com');
    // The rotated-out token is refused, and its reuse ends the session at once: its newest access token too.
    expect(codeOf(await stack.anonymous.request(REFRESH, { token: login.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await client.request(ME))).toBe('UNAUTHENTICATED');

    const again = await stack.anonymous.data<{ login: { accessToken: string; refreshToken: string } }>(LOGIN, {
      email: 'gita@example.com',
      password: 'through the gateway',
    });
    expect(await gqlClient(stack.graphqlUrl, again.login.accessToken).data(LOGOUT, { token: again.login.refreshToken })).toEqual({ logout: true });
    const { result, changed } = await tracked(() => stack.anonymous.request(REFRESH, { token: again.login.refreshToken }));
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(changed).toEqual([]);
  });

  it('typed errors that write nothing: wrong password, duplicate e-mail, malformed input', async () => {
    const wrong = await tracked(() => stack.anonymous.request(LOGIN, { email: 'maria@example.com', password: 'wrong wrong wrong' }));
    expect(codeOf(wrong.result)).toBe('UNAUTHENTICATED');
    expect(wrong.changed).toEqual(['audit.event', 'people.login_failure']);

    const duplicate = await tracked(() => stack.anonymous.request(REGISTER, { input: input('MARIA@example.com') }));
    expect(codeOf(duplicate.result)).toBe('CONFLICT');
    expect(duplicate.changed).toEqual([]);

    const malformed = await tracked(() => stack.anonymous.request(REGISTER, { input: { ...input('x@example.com'), password: 'short', email: 'nope' } }));
    expect(codeOf(malformed.result)).toBe('BAD_USER_INPUT');
    expect(malformed.changed).toEqual([]);
  });
});
