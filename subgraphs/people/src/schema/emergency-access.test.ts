import { verifyAccessToken } from '@clinigraph/kit';
import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../seed.ts';
import { type PeopleTestSubgraph, REFRESH, startPeopleSubgraph, tracked } from '../testing.ts';

let people: PeopleTestSubgraph;
let mrn: string;
beforeAll(async () => {
  people = await startPeopleSubgraph();
  const admin = await people.as('admin');
  ({
    patient: { mrn },
  } = await admin.data<{ patient: { mrn: string } }>('query($id: ID!) { patient(id: $id) { mrn } }', { id: people.patients.aisha }));
});
afterAll(() => people?.close());

const BREAK = `mutation($input: BreakTheGlassInput!) {
  breakTheGlass(input: $input) { patientId accessToken accessTokenExpiresAt grant { id reason expiresAt reviewedAt } }
}`;
const GRANTS = `query($reviewed: Boolean) {
  emergencyAccessGrants(reviewed: $reviewed) {
    id reason at reviewedAt reviewNote account { email } patient { id } reads { action entityType service detail } reviewedBy { email }
  }
}`;
const REVIEW = 'mutation($id: ID!, $note: String!) { reviewEmergencyAccess(id: $id, note: $note) { id reviewedAt reviewNote reviewedBy { email } } }';
const REASON = 'Unconscious on arrival at the emergency room';

type Grant = { id: string; reason: string; reviewedAt: string | null; reviewNote: string | null; reads: { action: string; detail: string }[] };

describe('breaking the glass', () => {
  it('needs a reason of at least 10 characters, and writes nothing without one', async () => {
    const doctor = await people.as('doctor');
    for (const reason of ['', 'urgent']) {
      const { result, changed } = await tracked(people.database, () => doctor.request(BREAK, { input: { mrn, reason, password: DEMO_PASSWORD } }));
      expect(codeOf(result), reason).toBe('BAD_USER_INPUT');
      expect(result.errors[0]?.extensions?.issues).toEqual([{ path: 'reason', message: expect.stringMatching(/say why/) }]);
      expect(changed).toEqual([]);
    }
  });

  it('needs the password again: a wrong one is refused, audited and counted against the sign-in throttle', async () => {
    const doctor = await people.as('doctor');
    const missing = await doctor.request(BREAK, { input: { mrn, reason: REASON } });
    expect(missing.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'password' }] });
    const { result, changed } = await tracked(people.database, () => doctor.request(BREAK, { input: { mrn, reason: REASON, password: 'not-it' } }));
    expect(result.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'password', message: 'that password is not right' }] });
    expect(changed.sort()).toEqual(['audit.event', 'people.login_failure']);
    const [refused] = await people.database.query<{ detail: unknown }>(
      "select detail from audit.event where action = 'emergency_access_refused' order by id desc limit 1",
    );
    expect(refused?.detail).toEqual({ why: 'wrong password', flagged: true });
  });

  it('answers NOT_FOUND the same way for every mismatch, so patients cannot be enumerated', async () => {
    const doctor = await people.as('doctor');
    const answers = await Promise.all(
      [{ mrn: 'CG00000000' }, { familyName: 'Nobody', dateOfBirth: '1970-01-01' }, { familyName: 'Khan', dateOfBirth: '1901-01-01' }].map(
        async (ids) => (await doctor.request(BREAK, { input: { ...ids, reason: REASON, password: DEMO_PASSWORD } })).errors,
      ),
    );
    expect(answers).toEqual(Array(3).fill([expect.objectContaining({ message: 'Patient not found', extensions: { code: 'NOT_FOUND' } })]));
    expect(await people.database.query('select 1 from people.emergency_access')).toEqual([]);
  });

  it('is a clinician’s act: receptionists, admins and patients are FORBIDDEN', async () => {
    for (const who of ['receptionist', 'admin', 'maria'] as const) {
      const client = await people.as(who);
      expect(codeOf(await client.request(BREAK, { input: { mrn, reason: REASON, password: DEMO_PASSWORD } })), who).toBe('FORBIDDEN');
    }
  });

  it('opens the chart: a token of the same session holding the patient, the grant recorded, audited and flagged', async () => {
    const session = await people.login('doctor');
    const before = await verifyAccessToken(session.accessToken);
    const doctor = people.client(session.accessToken);
    const { breakTheGlass } = await doctor.data<{ breakTheGlass: { patientId: string; accessToken: string; grant: Grant & { expiresAt: string } } }>(BREAK, {
      input: { mrn: mrn.toLowerCase(), reason: ` ${REASON} `, password: DEMO_PASSWORD },
    });
    expect(breakTheGlass).toMatchObject({ patientId: people.patients.aisha, grant: { reason: REASON, reviewedAt: null } });
    const after = await verifyAccessToken(breakTheGlass.accessToken);
    expect(after).toMatchObject({ userId: before.userId, sessionId: before.sessionId, roles: before.roles, emergencyPatientIds: [people.patients.aisha] });
    expect(Date.parse(breakTheGlass.grant.expiresAt) - Date.now()).toBeGreaterThan(55 * 60 * 1000);

    const [audited] = await people.database.query<{ patient_id: string; detail: Record<string, unknown> }>(
      "select patient_id, detail from audit.event where action = 'emergency_access'",
    );
    expect(audited).toMatchObject({ patient_id: people.patients.aisha, detail: { reason: REASON, flagged: true, stepUp: 'password' } });

    // What is read under the grant is audited as emergency access.
    await people.client(breakTheGlass.accessToken).data('query($id: ID!) { patient(id: $id) { givenName } }', { id: people.patients.aisha });
    const [read] = await people.database.query<{ detail: unknown }>(
      "select detail from audit.event where action = 'read' and entity_type = 'Patient' and patient_id = $1 and actor_id = $2 order by id desc limit 1",
      [people.patients.aisha, before.userId],
    );
    expect(read?.detail).toEqual({ emergencyAccess: true });

    // A refresh of the session carries the grant on while it lasts, and drops it once it ended.
    const { refreshSession } = await people.client().data<{ refreshSession: { accessToken: string; refreshToken: string } }>(REFRESH, {
      token: session.refreshToken,
    });
    expect((await verifyAccessToken(refreshSession.accessToken)).emergencyPatientIds).toEqual([people.patients.aisha]);
    await people.database.query('update people.emergency_access set expires_at = now()');
    const { refreshSession: later } = await people.client().data<{ refreshSession: { accessToken: string } }>(REFRESH, { token: refreshSession.refreshToken });
    expect((await verifyAccessToken(later.accessToken)).emergencyPatientIds).toBeUndefined();
  });
});

describe('reviewing break-the-glass', () => {
  it('lists grants unreviewed first with who, whom, why and what they read; an admin marks one reviewed with a note', async () => {
    const admin = await people.as('admin');
    const { emergencyAccessGrants } = await admin.data<{ emergencyAccessGrants: (Grant & { account: { email: string } })[] }>(GRANTS, {});
    expect(emergencyAccessGrants).toHaveLength(1);
    const [grant] = emergencyAccessGrants;
    expect(grant).toMatchObject({ reason: REASON, reviewedAt: null, account: { email: expect.stringContaining('@') }, patient: { id: people.patients.aisha } });
    expect(grant!.reads).toEqual([expect.objectContaining({ action: 'read', entityType: 'Patient', service: 'people' })]);
    expect(JSON.parse(grant!.reads[0]!.detail)).toEqual({ emergencyAccess: true });

    expect(codeOf(await admin.request(REVIEW, { id: grant!.id, note: '' }))).toBe('BAD_USER_INPUT');
    const { reviewEmergencyAccess } = await admin.data<{ reviewEmergencyAccess: Grant }>(REVIEW, { id: grant!.id, note: 'Confirmed with the ER log' });
    expect(reviewEmergencyAccess).toMatchObject({ reviewNote: 'Confirmed with the ER log', reviewedAt: expect.any(String) });
    expect(codeOf(await admin.request(REVIEW, { id: grant!.id, note: 'Again' }))).toBe('INVALID_STATE');
    expect(codeOf(await admin.request(REVIEW, { id: '00000000-0000-4000-8000-000000000000', note: 'Nothing' }))).toBe('NOT_FOUND');

    expect((await admin.data<{ emergencyAccessGrants: Grant[] }>(GRANTS, { reviewed: false })).emergencyAccessGrants).toEqual([]);
    expect((await admin.data<{ emergencyAccessGrants: Grant[] }>(GRANTS, { reviewed: true })).emergencyAccessGrants).toHaveLength(1);
  });

  it('is for admins: clinicians are FORBIDDEN to list or review', async () => {
    const doctor = await people.as('doctor');
    expect(codeOf(await doctor.request(GRANTS, {}))).toBe('FORBIDDEN');
    expect(codeOf(await doctor.request(REVIEW, { id: '00000000-0000-4000-8000-000000000000', note: 'Mine' }))).toBe('FORBIDDEN');
  });
});

describe('sign-in activity across accounts', () => {
  const ACTIVITY = `query($filter: SignInActivityFilter, $after: String) {
    signInActivity(filter: $filter, first: 2, after: $after) { nodes { outcome accountId reason account { email } } pageInfo { hasNextPage endCursor } }
  }`;
  type Activity = { signInActivity: { nodes: { outcome: string; accountId: string | null; reason: string | null }[]; pageInfo: { endCursor: string } } };

  it('lists sign-ins and refusals newest first, filtered by outcome and account, page by page', async () => {
    const nurse = await people.login('nurse');
    await people.client().request('mutation($email: String!) { login(email: $email, password: "wrong-one") { accessToken } }', { email: nurse.account.email });
    await people.client().request('mutation { login(email: "nobody@clinigraph.local", password: "wrong-one") { accessToken } }');
    const admin = await people.as('admin');

    const failed = await admin.data<Activity>(ACTIVITY, { filter: { outcome: 'FAILED' } });
    expect(failed.signInActivity.nodes).toEqual([
      { outcome: 'FAILED', accountId: null, reason: 'unknown e-mail', account: null },
      { outcome: 'FAILED', accountId: nurse.account.id, reason: 'wrong password', account: { email: nurse.account.email } },
    ]);
    const ofNurse = await admin.data<Activity>(ACTIVITY, { filter: { accountId: nurse.account.id } });
    expect(ofNurse.signInActivity.nodes.map((n) => n.outcome)).toEqual(['FAILED', 'SUCCEEDED']);
    const older = await admin.data<Activity>(ACTIVITY, { filter: { accountId: nurse.account.id }, after: ofNurse.signInActivity.pageInfo.endCursor });
    expect(older.signInActivity.nodes.every((n) => n.accountId === nurse.account.id)).toBe(true);
    expect(codeOf(await admin.request(ACTIVITY, { after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
  });

  it('is refused to anyone without session.manage', async () => {
    const nurse = await people.as('nurse');
    expect(codeOf(await nurse.request(ACTIVITY, {}))).toBe('FORBIDDEN');
  });
});
