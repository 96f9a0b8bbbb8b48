import { devOutbox } from '@clinigraph/kit';
import type { GqlClient } from '@clinigraph/kit/testing';
import { answered, codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../seed.ts';
import { LOGIN, type PeopleTestSubgraph, REFRESH, startPeopleSubgraph, tracked } from '../testing.ts';

let people: PeopleTestSubgraph;
let admin: GqlClient;
let adminId: string;

beforeAll(async () => {
  people = await startPeopleSubgraph();
  const session = await people.login('admin');
  admin = people.client(session.accessToken);
  adminId = session.account.id;
});
afterAll(() => people?.close());

const track = <T>(run: () => Promise<T>) => tracked(people.database, run);

const CREATE = `mutation($input: CreateAccountInput!) {
  createAccount(input: $input) { id email displayName roles status facilities { code } provider { id displayName } patient { id } }
}`;
const UPDATE =
  'mutation($id: ID!, $input: UpdateAccountInput!) { updateAccount(id: $id, input: $input) { id displayName roles facilities { code } provider { id } } }';
const DEACTIVATE = 'mutation($id: ID!) { deactivateAccount(id: $id) { id status } }';
const REACTIVATE = 'mutation($id: ID!) { reactivateAccount(id: $id) { id status } }';
const ACCOUNTS =
  'query($search: String, $role: Role, $status: AccountStatus, $facilityId: ID, $first: Int, $after: String) { accounts(search: $search, role: $role, status: $status, facilityId: $facilityId, first: $first, after: $after) { nodes { id email roles status } pageInfo { hasNextPage endCursor } } }';
const ME = '{ me { id email roles facilities { code } provider { specialty } patient { id } } }';

const staff = (email: string, extra: Record<string, unknown> = {}) => ({
  email,
  password: 'a good long password',
  displayName: 'New Person',
  roles: ['NURSE'],
  facilityIds: [people.seed.facilityId],
  ...extra,
});

describe('admins create accounts', () => {
  it('creates a staff account with roles, facilities and a provider profile, which can then sign in', async () => {
    const [provider] = await people.database.query<{ id: string }>(
      "insert into people.provider (given_name, family_name, specialty) values ('Sam', 'Lee', 'Paediatrics') returning id",
    );
    const { createAccount } = await admin.data<{ createAccount: any }>(CREATE, {
      input: staff('Dr.Lee@Clinigraph.local', { roles: ['DOCTOR', 'LAB'], providerId: provider!.id, displayName: 'Sam Lee' }),
    });
    expect(createAccount).toMatchObject({
      email: 'dr.lee@clinigraph.local',
      roles: ['DOCTOR', 'LAB'],
      status: 'ACTIVE',
      facilities: [{ code: 'RIV' }],
      provider: { id: provider!.id },
      patient: null,
    });
    const session = await people.login({ email: 'dr.lee@clinigraph.local', password: 'a good long password' });
    const { me } = await people.client(session.accessToken).data<{ me: any }>(ME);
    expect(me).toMatchObject({ roles: ['DOCTOR', 'LAB'], facilities: [{ code: 'RIV' }], provider: { specialty: 'Paediatrics' }, patient: null });
    const audit = await people.database.query<{ actor_id: string }>(
      "select actor_id from audit.event where action = 'create' and entity_type = 'Account' and entity_id = $1",
      [createAccount.id],
    );
    expect(audit).toEqual([{ actor_id: adminId }]);
  });

  it('gives a staff-registered patient a login, linked to their record', async () => {
    const { createPatient } = await admin.data<{ createPatient: { id: string } }>(
      'mutation { createPatient(input: { givenName: "Ola", familyName: "Nordmann", dateOfBirth: "1970-01-01", sex: MALE }) { id } }',
    );
    const { createAccount } = await admin.data<{ createAccount: any }>(CREATE, {
      input: staff('ola@example.com', { roles: ['PATIENT'], patientId: createPatient.id, facilityIds: [] }),
    });
    expect(createAccount.patient).toEqual({ id: createPatient.id });
    const session = await people.login({ email: 'ola@example.com', password: 'a good long password' });
    expect((await people.client(session.accessToken).data<{ me: any }>(ME)).me.patient).toEqual({ id: createPatient.id });
  });

  it('answers bad input with BAD_USER_INPUT and duplicates with CONFLICT, writing nothing', async () => {
    const bad = [
      staff('x@clinigraph.local', { roles: [] }),
      staff('x@clinigraph.local', { roles: ['PATIENT', 'NURSE'] }),
      staff('x@clinigraph.local', { roles: ['PATIENT'] }),
      staff('x@clinigraph.local', { patientId: people.patients.maria }),
      staff('x@clinigraph.local', { facilityIds: ['00000000-0000-4000-8000-000000000000'] }),
      staff('x@clinigraph.local', { providerId: '00000000-0000-4000-8000-000000000000' }),
      staff('x@clinigraph.local', { password: 'short' }),
      staff('not an email'),
    ];
    for (const input of bad) {
      const { result, changed } = await track(() => admin.request(CREATE, { input }));
      expect(codeOf(result), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(changed).toEqual([]);
    }
    const [okafor] = await people.database.query<{ provider_id: string }>("select provider_id from people.account where email = 'dr.okafor@clinigraph.local'");
    for (const input of [
      staff('NURSE@clinigraph.local'),
      staff('y@clinigraph.local', { roles: ['DOCTOR'], providerId: okafor!.provider_id }),
      staff('y@clinigraph.local', { roles: ['PATIENT'], patientId: people.patients.maria, facilityIds: [] }),
    ]) {
      const { result, changed } = await track(() => admin.request(CREATE, { input }));
      expect(codeOf(result), JSON.stringify(input)).toBe('CONFLICT');
      expect(changed).toEqual([]);
    }
  });
});

describe('only admins manage accounts', () => {
  it('answers everyone else FORBIDDEN (and the anonymous UNAUTHENTICATED), writing nothing', async () => {
    const [nurseRow] = await people.database.query<{ id: string }>("select id from people.account where email = 'nurse@clinigraph.local'");
    const id = nurseRow!.id;
    const attempts: [string, Record<string, unknown>][] = [
      [CREATE, { input: staff('sneaky@clinigraph.local', { roles: ['ADMIN'] }) }],
      [UPDATE, { id, input: { roles: ['ADMIN'] } }],
      [DEACTIVATE, { id }],
      [REACTIVATE, { id }],
      [ACCOUNTS, {}],
      ['query($id: ID!) { account(id: $id) { email } }', { id }],
    ];
    for (const who of ['doctor', 'nurse', 'receptionist', 'pharmacist', 'billing', 'lab', 'maria'] as const) {
      const client = await people.as(who);
      for (const [query, variables] of attempts) {
        const { result, changed } = await track(() => client.request(query, variables));
        expect(codeOf(result), `${who}: ${query.slice(0, 30)}`).toBe('FORBIDDEN');
        expect(answered(result)).toEqual([]);
        expect(changed).toEqual([]);
      }
    }
    for (const [query, variables] of attempts) expect(codeOf(await people.client().request(query, variables))).toBe('UNAUTHENTICATED');
  });
});

describe('changing an account', () => {
  it('changes roles, name, facilities and provider link; a refresh carries the new roles', async () => {
    const { createAccount } = await admin.data<{ createAccount: { id: string } }>(CREATE, { input: staff('change.me@clinigraph.local') });
    const session = await people.login({ email: 'change.me@clinigraph.local', password: 'a good long password' });
    const { updateAccount } = await admin.data<{ updateAccount: any }>(UPDATE, {
      id: createAccount.id,
      input: { roles: ['NURSE', 'PHARMACIST'], displayName: 'Changed', facilityIds: [] },
    });
    expect(updateAccount).toMatchObject({ displayName: 'Changed', roles: ['NURSE', 'PHARMACIST'], facilities: [] });
    const refreshed = await people.client().data<{ refreshSession: any }>(REFRESH, { token: session.refreshToken });
    expect(refreshed.refreshSession.account.roles).toEqual(['NURSE', 'PHARMACIST']);
    const claims = JSON.parse(Buffer.from(refreshed.refreshSession.accessToken.split('.')[1], 'base64url').toString());
    expect(claims.roles).toEqual(['nurse', 'pharmacist']);

    const [provider] = await people.database.query<{ id: string }>(
      "insert into people.provider (given_name, family_name, specialty) values ('Kim', 'Park', 'Nursing') returning id",
    );
    expect((await admin.data<{ updateAccount: any }>(UPDATE, { id: createAccount.id, input: { providerId: provider!.id } })).updateAccount.provider).toEqual({
      id: provider!.id,
    });
    expect((await admin.data<{ updateAccount: any }>(UPDATE, { id: createAccount.id, input: { providerId: null } })).updateAccount.provider).toBeNull();
  });

  it('keeps patient and staff roles apart, and an admin cannot demote or deactivate themselves', async () => {
    const [mariaAccount] = await people.database.query<{ id: string }>("select id from people.account where email = 'maria@example.com'");
    for (const [query, variables, code] of [
      [UPDATE, { id: mariaAccount!.id, input: { roles: ['DOCTOR'] } }, 'BAD_USER_INPUT'],
      [UPDATE, { id: adminId, input: { roles: ['DOCTOR'] } }, 'INVALID_STATE'],
      [DEACTIVATE, { id: adminId }, 'INVALID_STATE'],
      [UPDATE, { id: adminId, input: {} }, 'BAD_USER_INPUT'],
      [UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { displayName: 'x' } }, 'NOT_FOUND'],
    ] as const) {
      const { result, changed } = await track(() => admin.request(query, variables));
      expect(codeOf(result), JSON.stringify(variables)).toBe(code);
      expect(changed).toEqual([]);
    }
  });
});

describe('deactivation', () => {
  it('ends every session; the account cannot sign in or refresh until reactivated', async () => {
    const email = 'pharmacy@clinigraph.local';
    const session = await people.login('pharmacist');
    const { deactivateAccount } = await admin.data<{ deactivateAccount: any }>(DEACTIVATE, { id: session.account.id });
    expect(deactivateAccount.status).toBe('DEACTIVATED');

    expect(codeOf(await people.client().request(REFRESH, { token: session.refreshToken }))).toBe('UNAUTHENTICATED');
    const denied = await people.client().request(LOGIN, { email, password: DEMO_PASSWORD });
    const wrong = await people.client().request(LOGIN, { email: 'nobody@clinigraph.local', password: DEMO_PASSWORD });
    expect(codeOf(denied)).toBe('UNAUTHENTICATED');
    // Said exactly as for an unknown e-mail: a deactivated account is not revealed either.
    expect(denied.errors.map((e) => [e.message, e.extensions])).toEqual(wrong.errors.map((e) => [e.message, e.extensions]));
    // Its access token is refused at once too, not only once it expires.
    expect(codeOf(await people.client(session.accessToken).request(ME))).toBe('UNAUTHENTICATED');
    const [tokens] = await people.database.query<{ live: number }>(
      'select count(*)::int as live from people.refresh_token where account_id = $1 and revoked_at is null',
      [session.account.id],
    );
    expect(tokens?.live).toBe(0);
    // Nor can it be recovered by mail while deactivated (the answer is still true).
    const mails = devOutbox.length;
    expect(await people.client().data('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: email })).toEqual({ requestPasswordReset: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(devOutbox.slice(mails).filter((m) => m.to === email)).toEqual([]);

    await admin.data(REACTIVATE, { id: session.account.id });
    expect((await people.login('pharmacist')).account.status).toBe('ACTIVE');
    const audit = await people.database.query<{ status: string }>(
      "select detail->>'status' as status from audit.event where entity_type = 'Account' and entity_id = $1 and action = 'update' order by id",
      [session.account.id],
    );
    expect(audit.map((a) => a.status)).toEqual(['deactivated', 'active']);
  });
});

describe('listing accounts', () => {
  it('searches, filters and pages', async () => {
    const doctors = await admin.data<{ accounts: any }>(ACCOUNTS, { role: 'DOCTOR' });
    expect(doctors.accounts.nodes.every((a: any) => a.roles.includes('DOCTOR'))).toBe(true);
    expect(doctors.accounts.nodes.map((a: any) => a.email)).toEqual(expect.arrayContaining(['dr.okafor@clinigraph.local', 'dr.weber@clinigraph.local']));
    expect((await admin.data<{ accounts: any }>(ACCOUNTS, { search: 'okafor' })).accounts.nodes.map((a: any) => a.email)).toEqual([
      'dr.okafor@clinigraph.local',
    ]);
    expect((await admin.data<{ accounts: any }>(ACCOUNTS, { search: 'Garcia' })).accounts.nodes.map((a: any) => a.email)).toEqual(['maria@example.com']);
    const atRiverside = await admin.data<{ accounts: any }>(ACCOUNTS, { facilityId: people.seed.facilityId, first: 100 });
    expect(atRiverside.accounts.nodes.some((a: any) => a.roles.includes('PATIENT'))).toBe(false);

    const all: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const { accounts }: { accounts: any } = await admin.data<{ accounts: any }>(ACCOUNTS, { first: 3, after });
      all.push(...accounts.nodes.map((a: any) => a.email));
      if (!accounts.pageInfo.hasNextPage) break;
      after = accounts.pageInfo.endCursor;
    }
    const [{ n }] = (await people.database.query<{ n: number }>('select count(*)::int as n from people.account')) as [{ n: number }];
    expect(all).toHaveLength(n);
    expect(all).toEqual([...all].sort());
    expect(codeOf(await admin.request(ACCOUNTS, { facilityId: 'nope' }))).toBe('BAD_USER_INPUT');
  });
});
