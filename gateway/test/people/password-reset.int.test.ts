import { codeOf, linkIn, outboxMark, waitForMail } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken } }';
const REFRESH = 'mutation($token: String!) { refreshSession(refreshToken: $token) { accessToken } }';
const REQUEST_RESET = 'mutation($email: String!) { requestPasswordReset(email: $email) }';
const RESET = 'mutation($token: String!, $password: String!) { resetPassword(token: $token, newPassword: $password) }';
const SEND_LINK = 'mutation($id: ID!) { sendPasswordResetLink(id: $id) }';

describe('a forgotten password, through the gateway', () => {
  it('mails a link to this gateway’s reset page; the link sets a new password once and ends the old sessions', async () => {
    const email = 'maria@example.com';
    const { login: old } = await stack.anonymous.data<{ login: { refreshToken: string } }>(LOGIN, { email, password: 'clinigraph-demo' });
    const since = outboxMark();
    expect(await stack.anonymous.data(REQUEST_RESET, { email })).toEqual({ requestPasswordReset: true });
    const link = linkIn(await waitForMail(email, since));
    expect(`${link.origin}${link.pathname}`).toBe(`${stack.gateway.url}/reset-password`);

    const token = link.searchParams.get('token')!;
    expect(await stack.anonymous.data(RESET, { token, password: 'maria starts over' })).toEqual({ resetPassword: true });
    expect(codeOf(await stack.anonymous.request(REFRESH, { token: old.refreshToken }))).toBe('UNAUTHENTICATED');
    expect((await stack.as({ email, password: 'maria starts over' })).token).toBeTruthy();
    const again = await stack.anonymous.request(RESET, { token, password: 'maria tries twice' });
    expect([codeOf(again), again.errors[0]?.extensions?.rule]).toEqual(['INVALID_STATE', 'RESET_LINK_USED']);
  });

  it('an admin sends a staff member a link without ever seeing it', async () => {
    const admin = await stack.as('admin');
    const { accounts } = await admin.data<{ accounts: { nodes: { id: string }[] } }>('{ accounts(search: "nurse@") { nodes { id } } }');
    const since = outboxMark();
    const answer = await admin.request(SEND_LINK, { id: accounts.nodes[0]!.id });
    expect(answer.data).toEqual({ sendPasswordResetLink: true });
    const link = linkIn(await waitForMail('nurse@clinigraph.local', since));
    expect(JSON.stringify(answer)).not.toContain(link.searchParams.get('token')!);
    expect(codeOf(await (await stack.as('doctor')).request(SEND_LINK, { id: accounts.nodes[0]!.id }))).toBe('FORBIDDEN');
  });
});
