import { codeOf, type GqlClient, type GqlResult, gqlClient } from '@clinigraph/kit/testing';
import { DEMO_PASSWORD } from '@clinigraph/people';
import { COMPLETE_SIGN_IN, challengeOf, enrol, SET_MFA_POLICY, totpCode } from '@clinigraph/people/mfa-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

/**
 * Two-step sign-in through the gateway. The demo clinic does not require it; here the admin turns the
 * requirement on, as a real clinic has it, and every subgraph's policy then refuses an admin session
 * without a second factor, while the enrolment fields stay open to it.
 */
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
  await (await stack.as('admin')).data(SET_MFA_POLICY, { roles: [] });
});
afterAll(() => stack?.stop());

const ADMIN = { email: 'admin@clinigraph.local', password: DEMO_PASSWORD };
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';
const ACCOUNTS = '{ accounts(first: 3) { nodes { email } } }';
const ME = '{ me { mfaEnabled } }';
const LOCATIONS = 'query($f: ID!) { locations(facilityId: $f) { code } }';
const AUDIT = 'query($action: String!) { auditEvents(filter: { action: $action }, first: 20) { nodes { action entityId detail } } }';

async function completeSignIn(code: string): Promise<{ result: GqlResult; client: GqlClient | null }> {
  const first = await stack.anonymous.request(LOGIN, ADMIN);
  const challenge = challengeOf(first);
  expect(challenge).toBeTruthy();
  const result = await stack.anonymous.request<{ completeMfaSignIn: { accessToken: string } }>(COMPLETE_SIGN_IN, { challenge, code });
  const token = result.data?.completeMfaSignIn.accessToken;
  return { result, client: token ? gqlClient(stack.graphqlUrl, token) : null };
}

describe('an admin and two-step sign-in', () => {
  let secret = '';
  let recoveryCodes: string[] = [];

  it('without it, gets MFA_REQUIRED on admin fields of every subgraph but may enrol', async () => {
    const admin = await stack.as('admin');
    expect(codeOf(await admin.request(ACCOUNTS))).toBe('MFA_REQUIRED');
    expect(codeOf(await admin.request(LOCATIONS, { f: stack.seed.facilityId }))).toBe('MFA_REQUIRED');
    ({ secret, recoveryCodes } = await enrol(admin));
    expect(recoveryCodes).toHaveLength(10);
  });

  it('signs in with a TOTP code and reaches the admin fields; the same code is refused again', async () => {
    const code = await totpCode(secret);
    const { client } = await completeSignIn(code);
    expect(codeOf(await client!.request(ACCOUNTS))).toBeNull();
    expect((await client!.data<{ me: { mfaEnabled: boolean } }>(ME)).me.mfaEnabled).toBe(true);
    expect(codeOf(await client!.request(LOCATIONS, { f: stack.seed.facilityId }))).toBeNull();
    const replay = await completeSignIn(code);
    expect(codeOf(replay.result)).toBe('UNAUTHENTICATED');
  });

  it('signs in once with each recovery code, and the failures are in the audit trail', async () => {
    const first = await completeSignIn(recoveryCodes[0]!);
    expect(first.client).not.toBeNull();
    expect(codeOf((await completeSignIn(recoveryCodes[0]!)).result)).toBe('UNAUTHENTICATED');
    const failures = await first.client!.data<{ auditEvents: { nodes: { action: string }[] } }>(AUDIT, { action: 'mfa_failed' });
    expect(failures.auditEvents.nodes.length).toBeGreaterThanOrEqual(2);
  });
});
