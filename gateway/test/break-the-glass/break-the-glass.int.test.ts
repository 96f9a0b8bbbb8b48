import { codeOf, type GqlClient, gqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SecondFacility, secondFacility } from '../../src/testing/second-facility.ts';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

/**
 * Break-the-glass through the gateway: a doctor of facility B opens the chart of a patient of facility A
 * in an emergency. The reason is required and the password asked again; the grant is audited and listed
 * for an admin's review with what was read under it; every subgraph's reads of that patient are audited
 * as emergency access; any other patient of A stays NOT_FOUND.
 */
let stack: TestStack;
let b: SecondFacility;
let admin: GqlClient;
let mariaId: string;
let jamesId: string;
let mariaMrn: string;
/** Facility B's staff password (gateway/src/testing/second-facility.ts). */
const B_PASSWORD = 'hillside-staff-1';
const REASON = 'Collapsed in our waiting room, no relatives present';

const CHART = `query Chart($id: ID!) {
  patient(id: $id) { id givenName familyName mrn encounters { id } vitals { id } appointments { id } }
}`;
const BREAK = `mutation($input: BreakTheGlassInput!) {
  breakTheGlass(input: $input) { patientId accessToken accessTokenExpiresAt grant { id reason } }
}`;

beforeAll(async () => {
  stack = await startTestStack();
  [mariaId, jamesId] = stack.seed.patientIds as [string, string];
  [b, admin] = await Promise.all([secondFacility(stack), stack.as('admin')]);
  ({
    patient: { mrn: mariaMrn },
  } = await admin.data<{ patient: { mrn: string } }>('query($id: ID!) { patient(id: $id) { mrn } }', { id: mariaId }));
});
afterAll(() => stack?.stop());

describe('a doctor of facility B and a patient of facility A', () => {
  it('without break-the-glass: the patient is NOT_FOUND', async () => {
    expect(codeOf(await b.staff.doctor.request(CHART, { id: mariaId }))).toBe('NOT_FOUND');
  });

  it('needs a reason, and the password again', async () => {
    const noReason = await b.staff.doctor.request(BREAK, { input: { mrn: mariaMrn, reason: ' ', password: B_PASSWORD } });
    expect(noReason.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'reason' }] });
    const wrong = await b.staff.doctor.request(BREAK, { input: { mrn: mariaMrn, reason: REASON, password: 'not-my-password' } });
    expect(wrong.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'password' }] });
    expect(wrong.data).toBeNull();
  });

  it('is refused to B’s receptionist (no clinician)', async () => {
    expect(codeOf(await b.staff.receptionist.request(BREAK, { input: { mrn: mariaMrn, reason: REASON, password: B_PASSWORD } }))).toBe('FORBIDDEN');
  });

  describe('after breaking the glass', () => {
    let emergency: GqlClient;
    let grantId: string;
    let since: string;
    beforeAll(async () => {
      since = (await stack.db.database.query<{ id: string }>('select coalesce(max(id), 0)::text as id from audit.event'))[0]!.id;
      const { breakTheGlass } = await b.staff.doctor.data<{ breakTheGlass: { patientId: string; accessToken: string; grant: { id: string } } }>(BREAK, {
        input: { familyName: 'garcia', dateOfBirth: '1985-03-14', reason: REASON, password: B_PASSWORD },
      });
      expect(breakTheGlass.patientId).toBe(mariaId);
      emergency = gqlClient(stack.graphqlUrl, breakTheGlass.accessToken);
      grantId = breakTheGlass.grant.id;
    });

    it('opens the chart across subgraphs', async () => {
      const { patient } = await emergency.data<{ patient: { givenName: string; encounters: unknown[]; appointments: unknown[] } }>(CHART, { id: mariaId });
      expect(patient.givenName).toBe('Maria');
      expect(patient.appointments.length).toBeGreaterThan(0);
    });

    it('another patient of A stays NOT_FOUND', async () => {
      const other = await emergency.request(CHART, { id: jamesId });
      expect(codeOf(other)).toBe('NOT_FOUND');
      expect(JSON.stringify(other.data)).not.toMatch(/James|Chen/);
    });

    it('audits the grant, flagged, and every subgraph’s reads of the patient as emergency access', async () => {
      const rows = await stack.db.database.query<{
        service: string;
        action: string;
        entity_type: string;
        patient_id: string;
        detail: Record<string, unknown> | null;
      }>('select service, action, entity_type, patient_id, detail from audit.event where id > $1::bigint and patient_id = $2 order by id', [since, mariaId]);
      expect(rows).toContainEqual(
        expect.objectContaining({ action: 'emergency_access', service: 'people', detail: expect.objectContaining({ reason: REASON, flagged: true }) }),
      );
      const reads = rows.filter((r) => r.action === 'read');
      expect(new Set(reads.map((r) => r.service))).toEqual(new Set(['people', 'care', 'scheduling']));
      expect(reads.every((r) => r.detail?.emergencyAccess === true)).toBe(true);
    });

    it('lists the grant for the admin’s review with what was read, until marked reviewed', async () => {
      const GRANTS = 'query { emergencyAccessGrants(reviewed: false) { id reason account { email } patient { id } reads { service entityType } } }';
      const { emergencyAccessGrants } = await admin.data<{
        emergencyAccessGrants: { id: string; reason: string; account: { email: string }; patient: { id: string }; reads: { service: string }[] }[];
      }>(GRANTS);
      const grant = emergencyAccessGrants.find((g) => g.id === grantId);
      expect(grant).toMatchObject({ reason: REASON, account: { email: 'doctor.hillside@clinigraph.test' }, patient: { id: mariaId } });
      expect(new Set(grant!.reads.map((r) => r.service))).toEqual(new Set(['people', 'care', 'scheduling']));
      await admin.data('mutation($id: ID!) { reviewEmergencyAccess(id: $id, note: "Confirmed with the ward") { id } }', { id: grantId });
      expect((await admin.data<{ emergencyAccessGrants: { id: string }[] }>(GRANTS)).emergencyAccessGrants.map((g) => g.id)).not.toContain(grantId);
    });
  });
});
