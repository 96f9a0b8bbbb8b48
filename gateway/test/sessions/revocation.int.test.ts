import { codeOf, type GqlClient, gqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { closeSocketsAfterEach, LiveSocket } from '../live-endpoint/socket.ts';
import { direct, LOGOUT, ME, MY_SESSIONS, newNurse, PASSWORD, REFRESH, signIn } from './fixtures.ts';

let stack: TestStack;
let admin: GqlClient;
beforeAll(async () => {
  stack = await startTestStack();
  admin = await stack.as('admin');
});
afterAll(() => stack?.stop());
closeSocketsAfterEach();

/** The close code the gateway ends a revoked session's websocket with (graphql-ws "Unauthorized"). */
const SESSION_ENDED = 4401;
const sql = (query: string, params: unknown[] = []) => stack.db.database.query<Record<string, string | Date>>(query, params);

/** Refused on the next request: by the gateway (HTTP 401) and by each subgraph called directly. */
async function expectRefusedEverywhere(token: string): Promise<void> {
  const answer = await gqlClient(stack.graphqlUrl, token).request(ME);
  expect(answer.status).toBe(401);
  expect(codeOf(answer)).toBe('UNAUTHENTICATED');
  for (const subgraph of ['people', 'care', 'finance']) expect(codeOf(await direct(stack, subgraph, token)), subgraph).toBe('UNAUTHENTICATED');
}

describe('ending a session takes effect at once for its access tokens', () => {
  it('a deactivated user’s access token is refused on the next request, and their open websocket closes', async () => {
    const nurse = await newNurse(stack, admin);
    const session = await signIn(stack, nurse.email);
    expect((await session.client.data<{ me: { email: string } }>(ME)).me.email).toBe(nurse.email);
    expect(codeOf(await direct(stack, 'care', session.accessToken))).toBeNull();
    const socket = await LiveSocket.open(stack.gateway.url, session.accessToken);

    await admin.data('mutation($id: ID!) { deactivateAccount(id: $id) { status } }', { id: nurse.id });

    await expectRefusedEverywhere(session.accessToken);
    expect(await socket.waitClosed()).toEqual({ code: SESSION_ENDED, reason: 'Session ended' });
    // A new socket with the same token is refused too.
    const again = await LiveSocket.connect(stack.gateway.url);
    if (!(again instanceof LiveSocket)) throw new Error('handshake refused');
    expect(await again.init(session.accessToken)).not.toBeNull();
    expect(codeOf(await stack.anonymous.request(REFRESH, { token: session.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('sign-out revokes the session’s access token at once, and leaves the person’s other sessions alone', async () => {
    const nurse = await newNurse(stack, admin);
    const tab = await signIn(stack, nurse.email);
    const phone = await signIn(stack, nurse.email);
    const socket = await LiveSocket.open(stack.gateway.url, tab.accessToken);

    expect(await tab.client.data(LOGOUT, { token: tab.refreshToken })).toEqual({ logout: true });

    await expectRefusedEverywhere(tab.accessToken);
    expect((await socket.waitClosed()).code).toBe(SESSION_ENDED);
    expect((await phone.client.data<{ me: { email: string } }>(ME)).me.email).toBe(nurse.email);
    expect(await sql('select end_reason from auth.session where account_id = $1 and ended_at is not null', [nurse.id])).toEqual([{ end_reason: 'sign-out' }]);
  });

  it('a password change ends every other session at once; the new session it answers works', async () => {
    const nurse = await newNurse(stack, admin);
    const here = await signIn(stack, nurse.email);
    const elsewhere = await signIn(stack, nurse.email);
    const { changePassword } = await here.client.data<{ changePassword: { accessToken: string } }>(
      'mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { accessToken } }',
      { current: PASSWORD, next: 'another long password' },
    );
    await expectRefusedEverywhere(elsewhere.accessToken);
    await expectRefusedEverywhere(here.accessToken);
    const fresh = gqlClient(stack.graphqlUrl, changePassword.accessToken);
    expect((await fresh.data<{ mySessions: unknown[] }>(MY_SESSIONS)).mySessions).toHaveLength(1);
  });
});

describe('sessions that end by themselves', () => {
  it('the facility’s idle timeout signs a session out: its token and its refresh are refused', async () => {
    await admin.data('mutation($id: ID!) { setFacilitySessionPolicy(facilityId: $id, idleTimeoutMinutes: 15) { sessionIdleMinutes } }', {
      id: stack.seed.facilityId,
    });
    const nurse = await newNurse(stack, admin);
    const session = await signIn(stack, nurse.email);
    const { mySessions } = await session.client.data<{ mySessions: { idleTimeoutMinutes: number }[] }>(MY_SESSIONS);
    expect(mySessions).toEqual([expect.objectContaining({ idleTimeoutMinutes: 15 })]);

    // 14 minutes without a request: still signed in (and the request counts as use).
    await sql("update auth.session set last_used_at = now() - interval '14 minutes' where account_id = $1", [nurse.id]);
    expect(codeOf(await session.client.request(ME))).toBeNull();
    // 16 minutes without a request: signed out, everywhere, refresh included.
    await sql("update auth.session set last_used_at = now() - interval '16 minutes' where account_id = $1", [nurse.id]);
    const answer = await session.client.request(ME);
    expect(codeOf(answer)).toBe('UNAUTHENTICATED');
    expect(answer.errors[0]?.message).toMatch(/inactivity/);
    await expectRefusedEverywhere(session.accessToken);
    expect(codeOf(await stack.anonymous.request(REFRESH, { token: session.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('refreshing never extends a session past its absolute lifetime', async () => {
    const nurse = await newNurse(stack, admin);
    const session = await signIn(stack, nurse.email);
    const lifetime = async () => new Date((await sql('select expires_at from auth.session where account_id = $1', [nurse.id]))[0]!.expires_at!);
    const before = await lifetime();
    const { refreshSession } = await stack.anonymous.data<{ refreshSession: { refreshToken: string; accessToken: string } }>(REFRESH, {
      token: session.refreshToken,
    });
    expect(await lifetime()).toEqual(before);
    const [token] = await sql('select expires_at from people.refresh_token where account_id = $1 and used_at is null', [nurse.id]);
    expect(new Date(token!.expires_at!).getTime()).toBeLessThanOrEqual(before.getTime());

    await sql("update auth.session set expires_at = now() - interval '1 second' where account_id = $1", [nurse.id]);
    expect(codeOf(await gqlClient(stack.graphqlUrl, refreshSession.accessToken).request(ME))).toBe('UNAUTHENTICATED');
    const refused = await stack.anonymous.request(REFRESH, { token: refreshSession.refreshToken });
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors[0]?.message).toMatch(/expired/);
  });
});
