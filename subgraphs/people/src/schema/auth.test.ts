import { signAccessToken } from '@clinigraph/kit';
import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../seed.ts';
import { LOGIN, LOGOUT, type PeopleTestSubgraph, REFRESH, startPeopleSubgraph, tracked } from '../testing.ts';

let people: PeopleTestSubgraph;
beforeAll(async () => {
  people = await startPeopleSubgraph();
});
afterAll(() => people?.close());

const REGISTER = `mutation Register($input: RegisterPatientInput!) {
  registerPatient(input: $input) { accessToken refreshToken account { id email roles patient { id mrn givenName } } }
}`;
const ME = '{ me { id email roles patient { id givenName } } }';

const newPatient = (email: string) => ({
  email,
  password: 'correct horse battery',
  givenName: 'Rosa',
  familyName: 'Parks',
  dateOfBirth: '1990-02-04',
  sex: 'FEMALE',
  phone: '+1 555 0177',
});

const anonymous = () => people.client();
const track = <T>(run: () => Promise<T>) => tracked(people.database, run);

describe('a session: register → login → refresh → logout', () => {
  it('works end to end, rotating the refresh token each time', async () => {
    const registered = await anonymous().data<{ registerPatient: { accessToken: string; refreshToken: string; account: any } }>(REGISTER, {
      input: newPatient('rosa@example.com'),
    });
    expect(registered.registerPatient.account.roles).toEqual(['PATIENT']);
    expect(registered.registerPatient.account.patient.mrn).toMatch(/^CG\d{8}$/);

    const login = await people.login({ email: 'ROSA@example.com', password: 'correct horse battery' });
    const me = await people.client(login.accessToken).data<{ me: any }>(ME);
    expect(me.me).toMatchObject({ email: 'rosa@example.com', roles: ['PATIENT'], patient: { givenName: 'Rosa' } });

    const refreshed = await anonymous().data<{ refreshSession: { accessToken: string; refreshToken: string } }>(REFRESH, { token: login.refreshToken });
    expect(refreshed.refreshSession.refreshToken).not.toBe(login.refreshToken);
    expect((await people.client(refreshed.refreshSession.accessToken).data<{ me: any }>(ME)).me.email).toBe('rosa@example.com');

    const client = people.client(refreshed.refreshSession.accessToken);
    expect(await client.data(LOGOUT, { token: refreshed.refreshSession.refreshToken })).toEqual({ logout: true });
    const after = await anonymous().request(REFRESH, { token: refreshed.refreshSession.refreshToken });
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
  });

  it('rejects a rotated-out refresh token, and its reuse revokes the whole family', async () => {
    const login = await people.login('james');
    const first = await anonymous().data<{ refreshSession: { refreshToken: string } }>(REFRESH, { token: login.refreshToken });
    const current = first.refreshSession.refreshToken;

    // The old token again: someone copied it. The answer is UNAUTHENTICATED ...
    const reuse = await anonymous().request(REFRESH, { token: login.refreshToken });
    expect(codeOf(reuse)).toBe('UNAUTHENTICATED');
    expect(reuse.data).toBeNull();
    // ... and the legitimate newest token of that family is dead too.
    expect(codeOf(await anonymous().request(REFRESH, { token: current }))).toBe('UNAUTHENTICATED');
    // Other sessions of the same account are not touched.
    const other = await people.login('james');
    expect(codeOf(await anonymous().request(REFRESH, { token: other.refreshToken }))).toBeNull();
  });
});

describe('a session opened in another tab', () => {
  const FORK = `mutation Fork($token: String!) { forkSession(refreshToken: $token) { accessToken refreshToken account { email } } }`;

  it('is a separate session: both tabs rotate their own tokens, and signing out of one leaves the other', async () => {
    const first = await people.login('james');
    const { forkSession } = await anonymous().data<{ forkSession: { accessToken: string; refreshToken: string; account: { email: string } } }>(FORK, {
      token: first.refreshToken,
    });
    expect(forkSession.account.email).toBe('james@example.com');
    expect(forkSession.refreshToken).not.toBe(first.refreshToken);
    // The first tab's token was not used up by the fork: it still rotates, and so does the new tab's.
    const a = await anonymous().data<{ refreshSession: { refreshToken: string } }>(REFRESH, { token: first.refreshToken });
    const b = await anonymous().data<{ refreshSession: { refreshToken: string } }>(REFRESH, { token: forkSession.refreshToken });
    await people.client(forkSession.accessToken).data(LOGOUT, { token: b.refreshSession.refreshToken });
    expect(codeOf(await anonymous().request(REFRESH, { token: a.refreshSession.refreshToken }))).toBeNull();
    const audit = await people.database.query<{ n: number }>(
      "select count(*)::int n from audit.event where action = 'login' and entity_type = 'Account' and detail->>'via' = 'another tab'",
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('is refused for a used, revoked or unknown token', async () => {
    const login = await people.login('james');
    await anonymous().data(REFRESH, { token: login.refreshToken });
    expect(codeOf(await anonymous().request(FORK, { token: login.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await anonymous().request(FORK, { token: 'not-a-token' }))).toBe('UNAUTHENTICATED');
  });
});

describe('typed errors that write nothing', () => {
  it('a wrong password is UNAUTHENTICATED; only the failure bookkeeping row and its audit entry are added', async () => {
    const accountsBefore = await people.database.query('select * from people.account order by id');
    const { result, changed } = await track(() => anonymous().request(LOGIN, { email: 'maria@example.com', password: 'not her password' }));
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
    expect(changed).toEqual(['audit.event', 'people.login_failure']);
    expect(await people.database.query('select * from people.account order by id')).toEqual(accountsBefore);
  });

  it('login answers an unknown e-mail exactly as a wrong password', async () => {
    const wrong = await anonymous().request(LOGIN, { email: 'james@example.com', password: 'not his password' });
    const unknown = await anonymous().request(LOGIN, { email: 'nobody@example.com', password: 'whatever it is' });
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.errors.map(({ message, extensions }) => ({ message, extensions }))).toEqual(
      wrong.errors.map(({ message, extensions }) => ({ message, extensions })),
    );
  });

  it('a duplicate e-mail is CONFLICT, whatever its case', async () => {
    for (const email of ['maria@example.com', 'Maria@Example.COM']) {
      const { result, changed } = await track(() => anonymous().request(REGISTER, { input: newPatient(email) }));
      expect(codeOf(result)).toBe('CONFLICT');
      expect(changed).toEqual([]);
    }
  });

  it('an expired access token is UNAUTHENTICATED', async () => {
    const { account } = await people.login('maria');
    const { token } = await signAccessToken(
      { userId: account.id, roles: ['patient'], patientId: people.patients.maria, providerId: null, facilityIds: [], scopes: [] },
      -60,
    );
    const client = people.client(token);
    const {
      result: [me, update],
      changed,
    } = await track(async () => [
      await client.request(ME),
      await client.request('mutation($id: ID!) { updatePatient(id: $id, input: { phone: "+1 555 0000" }) { id } }', { id: people.patients.maria }),
    ]);
    expect(codeOf(me!)).toBe('UNAUTHENTICATED');
    expect(codeOf(update!)).toBe('UNAUTHENTICATED');
    expect(update!.data).toBeNull();
    expect(changed).toEqual([]);
  });

  it('a token signed by another key, or tampered with, is UNAUTHENTICATED', async () => {
    const { accessToken } = await people.login('maria');
    const [header, payload, signature] = accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url')}.${signature}`;
    expect(codeOf(await people.client(forged).request(ME))).toBe('UNAUTHENTICATED');
  });

  it('a revoked refresh token is UNAUTHENTICATED', async () => {
    const login = await people.login('aisha');
    await people.client(login.accessToken).data(LOGOUT, { token: login.refreshToken });
    const { result, changed } = await track(() => anonymous().request(REFRESH, { token: login.refreshToken }));
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(changed).toEqual([]);
    // An unknown token too.
    expect(codeOf(await anonymous().request(REFRESH, { token: 'not-a-token' }))).toBe('UNAUTHENTICATED');
  });

  it('malformed input is BAD_USER_INPUT, with the fields named', async () => {
    const { result, changed } = await track(() =>
      anonymous().request(REGISTER, { input: { ...newPatient('not-an-email'), password: 'short', givenName: ' ' } }),
    );
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors[0]?.extensions?.issues.map((i: { path: string }) => i.path).sort()).toEqual(['email', 'givenName', 'password']);
    expect(changed).toEqual([]);

    const badDate = await anonymous().request(REGISTER, { input: { ...newPatient('date@example.com'), dateOfBirth: '1990-02-30' } });
    expect(codeOf(badDate)).toBe('BAD_USER_INPUT');
    const future = await anonymous().request(REGISTER, { input: { ...newPatient('future@example.com'), dateOfBirth: '2999-01-01' } });
    expect(codeOf(future)).toBe('BAD_USER_INPUT');
    expect(await people.database.query("select 1 from people.account where email in ('date@example.com', 'future@example.com')")).toEqual([]);
  });
});

describe('sign-in throttling', () => {
  it('after 5 failures for an e-mail, answers TOO_MANY_REQUESTS, even for an unknown e-mail', async () => {
    const email = 'ghost@example.com';
    for (let i = 0; i < 5; i++) expect(codeOf(await anonymous().request(LOGIN, { email, password: `guess number ${i}` }))).toBe('UNAUTHENTICATED');
    const sixth = await anonymous().request(LOGIN, { email: 'GHOST@example.com', password: 'guess number 6' });
    expect(codeOf(sixth)).toBe('TOO_MANY_REQUESTS');
    expect(sixth.errors[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('delays a real account too, even against the right password, leaves other accounts alone, and lets the right password in after the delay', async () => {
    const email = 'nurse@clinigraph.local';
    for (let i = 0; i < 5; i++) await anonymous().request(LOGIN, { email, password: `wrong password ${i}` });
    const { result: throttled, changed } = await track(() => anonymous().request(LOGIN, { email, password: DEMO_PASSWORD }));
    expect(codeOf(throttled)).toBe('TOO_MANY_REQUESTS');
    const retryAfterSeconds = Number(throttled.errors[0]?.extensions?.retryAfterSeconds);
    expect(retryAfterSeconds).toBeGreaterThan(25);
    expect(retryAfterSeconds).toBeLessThanOrEqual(30);
    // Only the refusal's audit entry: no session, no failure counted.
    expect(changed).toEqual(['audit.event']);
    expect((await people.login('receptionist')).accessToken).toBeTruthy();

    // Half a minute later (the failures made older), the right password signs in.
    await people.database.query("update people.login_failure set at = at - interval '31 seconds' where email_key = $1", [email]);
    const signedIn = await anonymous().request<{ login: { accessToken: string } }>(LOGIN, { email, password: DEMO_PASSWORD });
    expect(signedIn.data?.login.accessToken).toBeTruthy();
  });
});
