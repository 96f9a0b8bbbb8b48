import { codeOf, type GqlClient, tokenFor } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMPLETE_SIGN_IN,
  CONFIRM_ENROLMENT,
  challengeOf,
  DISABLE_MFA,
  enrol,
  MY_MFA,
  RESET_MFA,
  SET_MFA_POLICY,
  START_ENROLMENT,
  totpCode,
} from '../mfa-testing.ts';
import { credentialsOf, LOGIN, type PeopleTestSubgraph, REFRESH, startPeopleSubgraph, type Who } from '../testing.ts';

let people: PeopleTestSubgraph;
let admin: GqlClient;
beforeAll(async () => {
  people = await startPeopleSubgraph();
  admin = people.client(await tokenFor({ userId: (await people.login('admin')).account.id, roles: ['admin'] }));
});
afterAll(() => people?.close());

const anonymous = () => people.client();
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

/** The first step of a sign-in for an account with two-step sign-in on: the challenge. */
async function passwordStep(who: Who): Promise<string> {
  const result = await anonymous().request(LOGIN, credentialsOf(people.seed, who));
  expect(codeOf(result)).toBe('MFA_CHALLENGE');
  expect(result.data).toBeNull();
  return challengeOf(result)!;
}

const secondStep = (challenge: string, code: string) =>
  anonymous().request<{ completeMfaSignIn: { accessToken: string; refreshToken: string } }>(COMPLETE_SIGN_IN, { challenge, code });

const auditOf = (action: string, accountId: string) =>
  people.database.query<{ detail: Record<string, unknown> | null }>('select detail from audit.event where action = $1 and entity_id = $2 order by id', [
    action,
    accountId,
  ]);

describe('enrolling an authenticator app', () => {
  it('confirms with a current code, answers 10 recovery codes once, and never answers the secret again', async () => {
    const nurse = await people.as('nurse');
    const started = await nurse.data<{ startMfaEnrolment: { secret: string; otpauthUri: string; qrCodeSvg: string } }>(START_ENROLMENT);
    expect(started.startMfaEnrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\/Clinigraph:nurse%40clinigraph\.local\?/);
    expect(started.startMfaEnrolment.qrCodeSvg).toContain('<svg');
    expect(codeOf(await nurse.request(CONFIRM_ENROLMENT, { code: '000000' }))).toBe('INVALID_STATE');
    const { confirmMfaEnrolment: codes } = await nurse.data<{ confirmMfaEnrolment: string[] }>(CONFIRM_ENROLMENT, {
      code: await totpCode(started.startMfaEnrolment.secret),
    });
    expect(new Set(codes).size).toBe(10);
    expect((await nurse.data(MY_MFA)).myMfa).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    expect(codeOf(await nurse.request(START_ENROLMENT))).toBe('CONFLICT');
    const [stored] = await people.database.query<{ secret: string; hashes: string[] }>(
      `select f.secret_encrypted as secret, array(select code_hash from people.mfa_recovery_code r where r.account_id = f.account_id) as hashes
       from people.mfa_factor f join people.account a on a.id = f.account_id where a.email = 'nurse@clinigraph.local'`,
    );
    expect(stored!.secret).not.toContain(started.startMfaEnrolment.secret);
    expect(stored!.hashes.some((h) => codes.some((c) => h.includes(c.replace('-', ''))))).toBe(false);
  });
});

describe('signing in with two-step sign-in on', () => {
  it('answers a challenge instead of tokens; a TOTP code completes it, and the same code is refused a second time', async () => {
    const { secret } = await enrol(await people.as('pharmacist'));
    const code = await totpCode(secret);
    const signedIn = await secondStep(await passwordStep('pharmacist'), code);
    expect(claimsOf(signedIn.data!.completeMfaSignIn.accessToken).amr).toEqual(['pwd', 'otp']);
    const replayed = await secondStep(await passwordStep('pharmacist'), code);
    expect(codeOf(replayed)).toBe('UNAUTHENTICATED');
    expect(replayed.data).toBeNull();
  });

  it('keeps the second factor across refreshes of that session', async () => {
    const { secret } = await enrol(await people.as('billing'));
    const signedIn = await secondStep(await passwordStep('billing'), await totpCode(secret));
    const refreshed = await anonymous().data<{ refreshSession: { accessToken: string } }>(REFRESH, { token: signedIn.data!.completeMfaSignIn.refreshToken });
    expect(claimsOf(refreshed.refreshSession.accessToken).amr).toEqual(['pwd', 'otp']);
  });

  it('takes each recovery code once', async () => {
    const { recoveryCodes } = await enrol(await people.as('maria'));
    const recovery = recoveryCodes[3]!;
    expect(codeOf(await secondStep(await passwordStep('maria'), recovery.toUpperCase()))).toBeNull();
    expect(codeOf(await secondStep(await passwordStep('maria'), recovery))).toBe('UNAUTHENTICATED');
    expect(
      await people
        .as('maria')
        .then(() => 'signed in')
        .catch((e: Error) => e.message),
    ).toContain('MFA_CHALLENGE');
  });

  it('lets a challenge try five codes, audits every failure, then refuses even the right code', async () => {
    const lab = await people.as('lab');
    const labId = (await lab.data<{ me: { id: string } }>('{ me { id } }')).me.id;
    const { secret } = await enrol(lab);
    const challenge = await passwordStep('lab');
    for (let i = 0; i < 5; i++) expect(codeOf(await secondStep(challenge, '123456'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await secondStep(challenge, await totpCode(secret)))).toBe('UNAUTHENTICATED');
    const failures = await auditOf('mfa_failed', labId);
    expect(failures.map((f) => f.detail?.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(failures.at(-1)?.detail?.locked).toBe(true);
    expect(codeOf(await anonymous().request(LOGIN, credentialsOf(people.seed, 'lab')))).toBe('TOO_MANY_REQUESTS');
  });

  it('turns off with a current code for a patient, and then signs in with the password alone', async () => {
    const james = await people.as('james');
    const { secret } = await enrol(james);
    expect(codeOf(await james.request(DISABLE_MFA, { code: '999999' }))).toBe('INVALID_STATE');
    expect((await james.data(DISABLE_MFA, { code: await totpCode(secret) })).disableMfa).toBe(true);
    expect((await people.login('james')).accessToken).toBeTruthy();
  });
});

describe('the clinic requires two-step sign-in for admins', () => {
  it('refuses an admin without it every admin field with MFA_REQUIRED, lets them enrol, and grants everything once confirmed', async () => {
    const policy = await admin.data<{ setMfaPolicy: { requiredRoles: string[] } }>(SET_MFA_POLICY, { roles: [] });
    // Admins and network admins always need it, whatever the clinic sets.
    expect(policy.setMfaPolicy.requiredRoles).toEqual(['ADMIN', 'NETWORK_ADMIN']);
    const session = await people.login('admin');
    expect(claimsOf(session.accessToken)).toMatchObject({ mfr: true, amr: ['pwd'] });
    const unconfirmed = people.client(session.accessToken);
    const refused = await unconfirmed.request('{ accounts(first: 5) { nodes { id } } }');
    expect(codeOf(refused)).toBe('MFA_REQUIRED');
    expect((await unconfirmed.data(MY_MFA)).myMfa).toMatchObject({ enabled: false, required: true });
    const { secret } = await enrol(unconfirmed);
    const refreshed = await anonymous().data<{ refreshSession: { accessToken: string } }>(REFRESH, { token: session.refreshToken });
    const confirmed = people.client(refreshed.refreshSession.accessToken);
    expect(codeOf(await confirmed.request('{ accounts(first: 5) { nodes { id } } }'))).toBeNull();
    expect(codeOf(await confirmed.request(DISABLE_MFA, { code: await totpCode(secret) }))).toBe('INVALID_STATE');
  });
});

describe('an admin resets a lost authenticator', () => {
  it('removes it, ends the sessions and audits the reset; only account.manage may', async () => {
    const session = await people.login('receptionist');
    const receptionist = people.client(session.accessToken);
    const id = session.account.id;
    await enrol(receptionist);
    expect(codeOf(await receptionist.request(RESET_MFA, { id }))).toBe('FORBIDDEN');
    expect((await admin.data(RESET_MFA, { id })).resetMfa).toBe(true);
    expect(codeOf(await anonymous().request(REFRESH, { token: session.refreshToken }))).toBe('UNAUTHENTICATED');
    expect((await people.login('receptionist')).accessToken).toBeTruthy();
    expect(await auditOf('mfa_reset', id)).toHaveLength(1);
  });
});
