import { devOutbox } from '@clinigraph/kit';
import { codeOf, type GqlResult, linkIn, outboxMark, waitForMail } from '@clinigraph/kit/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '../seed.ts';
import { LOGIN, type PeopleTestSubgraph, REFRESH, startPeopleSubgraph, tracked } from '../testing.ts';

let people: PeopleTestSubgraph;
beforeAll(async () => {
  people = await startPeopleSubgraph();
});
afterAll(() => people?.close());
afterEach(() => vi.unstubAllEnvs());

const anonymous = () => people.client();
const track = <T>(run: () => Promise<T>) => tracked(people.database, run);

const CHANGE = `mutation Change($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next) { accessToken refreshToken }
}`;
const REQUEST_RESET = 'mutation($email: String!) { requestPasswordReset(email: $email) }';
const RESET = 'mutation($token: String!, $password: String!) { resetPassword(token: $token, newPassword: $password) }';

/** Asks for a reset of `email` and answers the mail it brought. */
async function resetMail(email: string) {
  const since = outboxMark();
  expect(await anonymous().data(REQUEST_RESET, { email })).toEqual({ requestPasswordReset: true });
  return waitForMail(email, since);
}
const resetToken = async (email: string) => linkIn(await resetMail(email)).searchParams.get('token')!;

/** What a refused reset says: its code, and the rule an INVALID_STATE names. */
const refusal = (result: GqlResult) => ({ code: codeOf(result), rule: result.errors[0]?.extensions?.rule ?? null });

const auditCount = async (via: string) =>
  (
    await people.database.query<{ n: number }>(
      "select count(*)::int as n from audit.event where entity_type = 'Account' and action = 'update' and detail->>'via' = $1",
      [via],
    )
  )[0]?.n;

describe('password change', () => {
  it('needs the current password; a wrong one changes nothing but the failure count', async () => {
    const client = await people.as('pharmacist');
    const { result, changed } = await track(() => client.request(CHANGE, { current: 'not the password', next: 'a brand new password' }));
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(changed).toEqual(['people.login_failure']);
    expect(codeOf(await client.request(CHANGE, { current: DEMO_PASSWORD, next: 'short' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await anonymous().request(CHANGE, { current: DEMO_PASSWORD, next: 'a brand new password' }))).toBe('UNAUTHENTICATED');
  });

  it('ends every other session and answers a fresh one', async () => {
    const email = 'billing@clinigraph.local';
    const other = await people.login('billing');
    const mine = await people.login('billing');
    const { changePassword } = await people
      .client(mine.accessToken)
      .data<{ changePassword: { accessToken: string; refreshToken: string } }>(CHANGE, { current: DEMO_PASSWORD, next: 'billing rocks 2026' });
    expect(codeOf(await anonymous().request(REFRESH, { token: other.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await anonymous().request(REFRESH, { token: mine.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await anonymous().request(REFRESH, { token: changePassword.refreshToken }))).toBeNull();
    expect(codeOf(await anonymous().request(LOGIN, { email, password: DEMO_PASSWORD }))).toBe('UNAUTHENTICATED');
    expect((await people.login({ email, password: 'billing rocks 2026' })).accessToken).toBeTruthy();
    expect(await auditCount('password-change')).toBe(1);
  });

  it('spends the reset links the account still had, so an old mail cannot undo the change', async () => {
    const email = 'nurse@clinigraph.local';
    const token = await resetToken(email);
    const client = await people.as('nurse');
    await client.data(CHANGE, { current: DEMO_PASSWORD, next: 'nurse changed it' });
    const { result, changed } = await track(() => anonymous().request(RESET, { token, password: 'someone else set this' }));
    expect(refusal(result)).toEqual({ code: 'INVALID_STATE', rule: 'RESET_LINK_USED' });
    expect(changed).toEqual([]);
    expect((await people.login({ email, password: 'nurse changed it' })).accessToken).toBeTruthy();
  });
});

describe('password reset', () => {
  it('always answers true, and mails a link only to an existing account', async () => {
    const since = outboxMark();
    const unknown = await anonymous().data<{ requestPasswordReset: boolean }>(REQUEST_RESET, { email: 'nobody-here@example.com' });
    const known = await anonymous().data<{ requestPasswordReset: boolean }>(REQUEST_RESET, { email: 'Lab@Clinigraph.local' });
    expect(unknown).toEqual(known);
    expect(unknown.requestPasswordReset).toBe(true);
    expect(await anonymous().data(REQUEST_RESET, { email: 'not even an e-mail' })).toEqual({ requestPasswordReset: true });
    const mail = await waitForMail('lab@clinigraph.local', since);
    const link = linkIn(mail);
    expect(`${link.origin}${link.pathname}`).toBe('http://localhost:4000/reset-password');
    const token = link.searchParams.get('token')!;
    expect(mail.text).toContain(`Reset code: ${token}`);
    await new Promise((r) => setTimeout(r, 50));
    expect(devOutbox.slice(since).map((m) => m.to)).toEqual(['lab@clinigraph.local']);
    const [stored] = await people.database.query<{ token_hash: string }>('select token_hash from people.password_reset');
    expect(stored?.token_hash).not.toContain(token);
  });

  it('links to CLINIGRAPH_PUBLIC_URL when it is set', async () => {
    vi.stubEnv('CLINIGRAPH_PUBLIC_URL', 'https://clinic.example.org/');
    const link = linkIn(await resetMail('aisha@example.com'));
    expect(`${link.origin}${link.pathname}`).toBe('https://clinic.example.org/reset-password');
  });

  it('sets a new password with the token, once, and ends every session', async () => {
    const email = 'reception@clinigraph.local';
    const session = await people.login('receptionist');
    const token = await resetToken(email);

    expect(codeOf(await anonymous().request(RESET, { token, password: 'short' }))).toBe('BAD_USER_INPUT');
    expect(await anonymous().data(RESET, { token, password: 'reception resets 1' })).toEqual({ resetPassword: true });
    expect(codeOf(await anonymous().request(REFRESH, { token: session.refreshToken }))).toBe('UNAUTHENTICATED');
    const [live] = await people.database.query<{ n: number }>(
      'select count(*)::int as n from people.refresh_token where account_id = $1 and revoked_at is null',
      [session.account.id],
    );
    expect(live?.n).toBe(0);
    expect(codeOf(await anonymous().request(LOGIN, { email, password: DEMO_PASSWORD }))).toBe('UNAUTHENTICATED');
    expect((await people.login({ email, password: 'reception resets 1' })).accessToken).toBeTruthy();

    const { result: again, changed } = await track(() => anonymous().request(RESET, { token, password: 'reception resets 2' }));
    expect(refusal(again)).toEqual({ code: 'INVALID_STATE', rule: 'RESET_LINK_USED' });
    expect(again.errors[0]?.message).toBe('This reset link has already been used. Ask for a new one if you still need to reset your password.');
    expect(changed).toEqual([]);
  });

  it('refuses an expired token, saying so', async () => {
    const email = 'dr.weber@clinigraph.local';
    const token = await resetToken(email);
    await people.database.exec(
      "update people.password_reset set expires_at = now() - interval '1 second' where account_id = (select id from people.account where email = 'dr.weber@clinigraph.local')",
    );
    const { result, changed } = await track(() => anonymous().request(RESET, { token, password: 'weber resets it' }));
    expect(refusal(result)).toEqual({ code: 'INVALID_STATE', rule: 'RESET_LINK_EXPIRED' });
    expect(result.errors[0]?.message).toBe('This reset link has expired: links work for an hour. Ask for a new one.');
    expect(changed).toEqual([]);
    expect((await people.login({ email })).accessToken).toBeTruthy();
  });

  it('refuses a token it never issued as bad input on the token, writing nothing', async () => {
    const { result, changed } = await track(() => anonymous().request(RESET, { token: 'made-up-token', password: 'a long enough password' }));
    expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', rule: null });
    expect(result.errors[0]?.extensions?.issues).toEqual([{ path: 'token', message: 'is not a valid reset link' }]);
    expect(changed).toEqual([]);
  });

  it("spends the account's other links too", async () => {
    const email = 'james@example.com';
    const first = await resetToken(email);
    const second = await resetToken(email);
    expect(await anonymous().data(RESET, { token: second, password: 'james picked this' })).toEqual({ resetPassword: true });
    expect(refusal(await anonymous().request(RESET, { token: first, password: 'and then this one' }))).toEqual({
      code: 'INVALID_STATE',
      rule: 'RESET_LINK_USED',
    });
    expect((await people.login({ email, password: 'james picked this' })).accessToken).toBeTruthy();
  });

  it('used by many at once, a token sets the password exactly once', async () => {
    const email = 'maria@example.com';
    const token = await resetToken(email);
    const resetsBefore = await auditCount('password-reset');
    const passwords = Array.from({ length: 8 }, (_, i) => `maria races number ${i}`);
    const results = await Promise.all(passwords.map((password) => anonymous().request<{ resetPassword: boolean }>(RESET, { token, password })));
    const winners = results.flatMap((r, i) => (r.data?.resetPassword ? [passwords[i]!] : []));
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.errors.length).map(refusal)).toEqual(Array(7).fill({ code: 'INVALID_STATE', rule: 'RESET_LINK_USED' }));
    expect(await auditCount('password-reset')).toBe((resetsBefore ?? 0) + 1);
    expect((await people.login({ email, password: winners[0]! })).accessToken).toBeTruthy();
    const loser = passwords.find((p) => p !== winners[0])!;
    expect(codeOf(await anonymous().request(LOGIN, { email, password: loser }))).toBe('UNAUTHENTICATED');
  });

  it('sends at most 3 mails an hour per account, still answering true', async () => {
    const email = 'dr.okafor@clinigraph.local';
    const since = outboxMark();
    for (let i = 0; i < 5; i++) expect(await anonymous().data(REQUEST_RESET, { email })).toEqual({ requestPasswordReset: true });
    await waitForMail(email, since);
    await new Promise((r) => setTimeout(r, 100));
    expect(devOutbox.slice(since).filter((m) => m.to === email)).toHaveLength(3);
  });
});
