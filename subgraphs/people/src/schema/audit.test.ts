import type { GqlClient } from '@clinigraph/kit/testing';
import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PeopleTestSubgraph, startPeopleSubgraph } from '../testing.ts';

let people: PeopleTestSubgraph;
let admin: GqlClient;
let doctorId: string;
let doctor: GqlClient;

beforeAll(async () => {
  people = await startPeopleSubgraph();
  admin = await people.as('admin');
  const session = await people.login('doctor');
  doctorId = session.account.id;
  doctor = people.client(session.accessToken);
  // Some history: the doctor reads Maria twice and James once; the receptionist searches.
  for (const id of [people.patients.maria, people.patients.james, people.patients.maria]) {
    await doctor.data('query Chart($id: ID!) { patient(id: $id) { givenName } }', { id });
  }
  await (await people.as('receptionist')).data('query Desk { patients(search: "Khan") { nodes { id } } }');
});
afterAll(() => people?.close());

const AUDIT = `query Audit($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    nodes { id at actorId actor { email } actorRoles action entityType entityId patientId service operation ip requestId detail }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('auditEvents', () => {
  it('filters by patient, actor, entity type and action, newest first', async () => {
    const { auditEvents } = await admin.data<{ auditEvents: any }>(AUDIT, {
      filter: { patientId: people.patients.maria, actorId: doctorId, entityType: 'Patient', action: 'read' },
    });
    expect(auditEvents.nodes).toHaveLength(2);
    for (const e of auditEvents.nodes) {
      expect(e).toMatchObject({
        actorId: doctorId,
        actor: { email: 'dr.okafor@clinigraph.local' },
        actorRoles: ['doctor'],
        action: 'read',
        entityType: 'Patient',
        patientId: people.patients.maria,
        service: 'people',
        operation: 'Chart',
      });
      expect(e.ip).toBeTruthy();
      expect(e.requestId).toBeTruthy();
    }
    expect(Number(auditEvents.nodes[0].id)).toBeGreaterThan(Number(auditEvents.nodes[1].id));

    const search = await admin.data<{ auditEvents: any }>(AUDIT, { filter: { action: 'search', entityType: 'Patient' } });
    expect(search.auditEvents.nodes.map((e: any) => [e.operation, JSON.parse(e.detail)])).toEqual([['Desk', { search: 'Khan', returned: 1 }]]);
  });

  it('names the patient of each event, and reading that name is itself audited', async () => {
    const NAMED = `query Named($filter: AuditEventFilter) { auditEvents(filter: $filter, first: 1) { nodes { patient { displayName mrn } } } }`;
    const { auditEvents } = await admin.data<{ auditEvents: { nodes: { patient: { displayName: string; mrn: string } | null }[] } }>(NAMED, {
      filter: { patientId: people.patients.maria, action: 'read' },
    });
    expect(auditEvents.nodes[0]!.patient).toMatchObject({ displayName: 'Maria Garcia', mrn: expect.stringMatching(/^CG/) });
    const byAdmin = await admin.data<{ auditEvents: { nodes: { operation: string }[] } }>(AUDIT, {
      filter: { patientId: people.patients.maria, action: 'read', entityType: 'Patient' },
    });
    expect(byAdmin.auditEvents.nodes.map((e) => e.operation)).toContain('Named');
  });

  it('filters by time and pages with a cursor', async () => {
    const future = await admin.data<{ auditEvents: any }>(AUDIT, { filter: { from: '2999-01-01T00:00:00Z' } });
    expect(future.auditEvents.nodes).toEqual([]);
    const past = await admin.data<{ auditEvents: any }>(AUDIT, { filter: { to: '2000-01-01T00:00:00Z' } });
    expect(past.auditEvents.nodes).toEqual([]);

    const [{ n }] = (await people.database.query<{ n: number }>('select count(*)::int as n from audit.event')) as [{ n: number }];
    const ids: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const { auditEvents }: { auditEvents: any } = await admin.data<{ auditEvents: any }>(AUDIT, {
        first: 4,
        after,
        filter: { to: new Date().toISOString() },
      });
      ids.push(...auditEvents.nodes.map((e: any) => e.id));
      if (!auditEvents.pageInfo.hasNextPage) break;
      after = auditEvents.pageInfo.endCursor;
    }
    // Every row that existed before paging began, once each (paging adds its own 'search' rows after).
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(n);
    expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((a, b) => b - a));
  });

  it('is for admins only', async () => {
    for (const who of ['doctor', 'nurse', 'receptionist', 'billing', 'maria'] as const) {
      const result = await (await people.as(who)).request(AUDIT, {});
      expect(codeOf(result), who).toBe('FORBIDDEN');
      expect(result.data).toEqual({ auditEvents: null });
    }
    expect(codeOf(await people.client().request(AUDIT, {}))).toBe('UNAUTHENTICATED');
  });

  it('answers a malformed filter or cursor with BAD_USER_INPUT', async () => {
    expect(codeOf(await admin.request(AUDIT, { filter: { patientId: 'nope' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await admin.request(AUDIT, { filter: { from: '2020-01-02T00:00:00Z', to: '2020-01-01T00:00:00Z' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await admin.request(AUDIT, { after: 'garbage' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await admin.request(AUDIT, { first: 0 }))).toBe('BAD_USER_INPUT');
  });

  it('records that the trail itself was read', async () => {
    await admin.data('query Review($p: ID!) { auditEvents(filter: { patientId: $p }) { nodes { id } } }', { p: people.patients.james });
    const rows = await people.database.query<{ patient_id: string; entity_type: string }>(
      "select patient_id, entity_type from audit.event where operation = 'Review' and action = 'search'",
    );
    expect(rows).toEqual([{ patient_id: people.patients.james, entity_type: 'AuditEvent' }]);
  });
});
