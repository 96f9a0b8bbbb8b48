import { devOutbox } from '@clinigraph/kit';
import { codeOf, type GqlClient, linkIn, outboxMark, waitForMail } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PeopleTestSubgraph, startPeopleSubgraph, tracked } from '../testing.ts';

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

const SEND = 'mutation SendLink($id: ID!) { sendPasswordResetLink(id: $id) }';
const RESET = 'mutation($token: String!, $password: String!) { resetPassword(token: $token, newPassword: $password) }';
const DEACTIVATE = 'mutation($id: ID!) { deactivateAccount(id: $id) { id } }';
const idOf = async (who: Parameters<PeopleTestSubgraph['login']>[0]) => (await people.login(who)).account.id;

describe('an admin sends a reset link', () => {
  it('mails the staff member a working link; the answer never holds the token; the admin is audited', async () => {
    const email = 'lab@clinigraph.local';
    const labId = await idOf('lab');
    const since = outboxMark();
    const answer = await admin.request(SEND, { id: labId });
    expect(answer.data).toEqual({ sendPasswordResetLink: true });
    const mail = await waitForMail(email, since);
    expect(mail.text).toContain('An administrator of your clinic asked');
    const token = linkIn(mail).searchParams.get('token')!;
    expect(JSON.stringify(answer)).not.toContain(token);

    const audit = await people.database.query<{ actor_id: string; action: string; entity_id: string; requested_by: string }>(
      "select actor_id, action, entity_id, detail->>'requestedBy' as requested_by from audit.event where entity_type = 'PasswordReset'",
    );
    expect(audit).toEqual([{ actor_id: adminId, action: 'create', entity_id: labId, requested_by: 'admin' }]);
    expect(JSON.stringify(await people.database.query('select * from audit.event'))).not.toContain(token);

    expect(await people.client().data(RESET, { token, password: 'lab chose this one' })).toEqual({ resetPassword: true });
    expect((await people.login({ email, password: 'lab chose this one' })).accessToken).toBeTruthy();
  });

  it('only an admin may, and only for an active staff account; a refusal writes and mails nothing', async () => {
    const nurseId = await idOf('nurse');
    const mariaId = await idOf('maria');
    const doctor = await people.as('doctor');
    const since = outboxMark();
    const cases = [
      [people.client(), nurseId, 'UNAUTHENTICATED'],
      [doctor, nurseId, 'FORBIDDEN'],
      [admin, mariaId, 'INVALID_STATE'],
      [admin, '00000000-0000-4000-8000-000000000000', 'NOT_FOUND'],
      [admin, 'not-an-id', 'NOT_FOUND'],
    ] as const;
    for (const [client, id, code] of cases) {
      const { result, changed } = await track(() => client.request(SEND, { id }));
      expect([id, codeOf(result)]).toEqual([id, code]);
      expect(changed).toEqual([]);
    }
    const patient = await admin.request(SEND, { id: mariaId });
    expect(patient.errors[0]?.message).toBe('Patients reset their own password with "Forgot your password?" on the sign-in page');

    const pharmacistId = await idOf('pharmacist');
    await admin.data(DEACTIVATE, { id: pharmacistId });
    const { result, changed } = await track(() => admin.request(SEND, { id: pharmacistId }));
    expect(codeOf(result)).toBe('INVALID_STATE');
    expect(result.errors[0]?.message).toBe('This account is deactivated; reactivate it before sending a reset link');
    expect(changed).toEqual([]);
    await new Promise((r) => setTimeout(r, 50));
    expect(devOutbox.slice(since)).toEqual([]);
  });

  it('sends at most 3 links an hour per account, then says so', async () => {
    const billingId = await idOf('billing');
    const since = outboxMark();
    for (let i = 0; i < 3; i++) expect(await admin.data(SEND, { id: billingId })).toEqual({ sendPasswordResetLink: true });
    const { result, changed } = await track(() => admin.request(SEND, { id: billingId }));
    expect(codeOf(result)).toBe('TOO_MANY_REQUESTS');
    expect(result.errors[0]?.message).toBe('Three reset links were sent to this account in the last hour; try again later');
    expect(changed).toEqual([]);
    expect(devOutbox.slice(since).filter((m) => m.to === 'billing@clinigraph.local')).toHaveLength(3);
  });
});
