import { codeOf, type GqlClient, gqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

/**
 * Patient A (James) must not reach patient B (Maria) by any path: by id, through search, through a
 * field of another subgraph that returns a Patient, or by asking the people subgraph's `_entities`
 * directly. Each refusal is NOT_FOUND, as for a record that does not exist.
 */
let stack: TestStack;
let james: GqlClient;
let reception: GqlClient;
let mariaId: string;
let jamesId: string;
let mariaAppointment: string;
let jamesAppointment: string;

const range = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  stack = await startTestStack();
  [mariaId, jamesId] = stack.seed.patientIds as [string, string];
  [james, reception] = await Promise.all([stack.as({ email: 'james@example.com' }), stack.as('receptionist')]);
  const { appointments } = await reception.data<{ appointments: { id: string; patient: { id: string } }[] }>(
    'query($from: DateTime!, $to: DateTime!) { appointments(from: $from, to: $to) { id patient { id } } }',
    range,
  );
  mariaAppointment = appointments.find((a) => a.patient.id === mariaId)!.id;
  jamesAppointment = appointments.find((a) => a.patient.id === jamesId)!.id;
});
afterAll(() => stack?.stop());

const sameError = (a: { errors: { message: string; extensions?: Record<string, unknown> }[] }) =>
  a.errors.map((e) => ({ message: e.message, code: e.extensions?.code }));

describe('patient A cannot read patient B through the gateway', () => {
  it('directly by id: NOT_FOUND, as for a missing record', async () => {
    const PATIENT = 'query($id: ID!) { patient(id: $id) { id givenName familyName mrn } }';
    const other = await james.request(PATIENT, { id: mariaId });
    expect(codeOf(other)).toBe('NOT_FOUND');
    expect(other.data).toEqual({ patient: null });
    expect(sameError(other)).toEqual(sameError(await james.request(PATIENT, { id: MISSING })));
    expect(JSON.stringify(other)).not.toMatch(/Maria|Garcia/);
    expect((await james.data<{ patient: { givenName: string } }>(PATIENT, { id: jamesId })).patient.givenName).toBe('James');
  });

  it('through search: never B, whatever the term', async () => {
    for (const search of ['Garcia', 'Maria', '0101', '', null]) {
      const { patients } = await james.data<{ patients: { nodes: { id: string }[] } }>('query($s: String) { patients(search: $s) { nodes { id } } }', {
        s: search,
      });
      expect(
        patients.nodes.map((n) => n.id).filter((id) => id !== jamesId),
        String(search),
      ).toEqual([]);
    }
  });

  it("through a nested cross-subgraph field: B's appointment and its patient are NOT_FOUND", async () => {
    const query = 'query($id: ID!) { appointment(id: $id) { id reason patient { id givenName familyName } } }';
    const other = await james.request(query, { id: mariaAppointment });
    expect(codeOf(other)).toBe('NOT_FOUND');
    expect(other.data).toEqual({ appointment: null });
    expect(JSON.stringify(other)).not.toMatch(/Maria|Garcia|Persistent cough/);
    const own = await james.data<{ appointment: { patient: { givenName: string } } }>(query, { id: jamesAppointment });
    expect(own.appointment.patient.givenName).toBe('James');

    const { appointments } = await james.data<{ appointments: { patient: { id: string; givenName: string } }[] }>(
      'query($from: DateTime!, $to: DateTime!) { appointments(from: $from, to: $to) { patient { id givenName } } }',
      range,
    );
    expect(appointments.length).toBeGreaterThan(0);
    expect(appointments.every((a) => a.patient.id === jamesId)).toBe(true);
  });

  it("by calling the people subgraph's _entities directly with A's token: NOT_FOUND and no data", async () => {
    const direct = gqlClient(stack.subgraphs.people!.url, james.token);
    const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { id givenName familyName mrn phone } } }';
    const other = await direct.request(ENTITIES, { r: [{ __typename: 'Patient', id: mariaId }] });
    expect(codeOf(other)).toBe('NOT_FOUND');
    expect(other.data?._entities ?? [null]).toEqual([null]);
    expect(JSON.stringify(other)).not.toMatch(/Maria|Garcia|0101/);
    // Mixed with A's own representation, only A comes back.
    const mixed = await direct.request(ENTITIES, {
      r: [
        { __typename: 'Patient', id: jamesId },
        { __typename: 'Patient', id: mariaId },
      ],
    });
    expect(mixed.data?._entities[0]).toMatchObject({ id: jamesId, givenName: 'James' });
    expect(mixed.data?._entities[1]).toBeNull();
    expect(mixed.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    // Without a token, nothing at all.
    expect(codeOf(await gqlClient(stack.subgraphs.people!.url).request(ENTITIES, { r: [{ __typename: 'Patient', id: mariaId }] }))).toBe('UNAUTHENTICATED');
  });
});

describe('the audit trail behind the gateway', () => {
  it('records reads of patient data made through the gateway, by the subgraph that served them', async () => {
    const before = (await stack.db.database.query<{ id: string }>('select coalesce(max(id), 0)::text as id from audit.event'))[0]!.id;
    await reception.data('query FrontDesk($id: ID!) { patient(id: $id) { givenName appointments { id } } }', { id: mariaId });
    const rows = await stack.db.database.query<{
      service: string;
      entity_type: string;
      action: string;
      patient_id: string;
      operation: string;
      actor_roles: string[];
    }>('select service, entity_type, action, patient_id, operation, actor_roles from audit.event where id > $1::bigint order by id', [before]);
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ service: 'people', entity_type: 'Patient', action: 'read', patient_id: mariaId, actor_roles: ['receptionist'] }),
        expect.objectContaining({ service: 'scheduling', entity_type: 'Appointment', patient_id: mariaId, actor_roles: ['receptionist'] }),
      ]),
    );
    // The gateway names each subgraph fetch after the client's operation (FrontDesk__people__0).
    expect(rows.find((r) => r.service === 'people')?.operation).toMatch(/^FrontDesk/);
  });

  it('an admin reads it through the gateway; others are FORBIDDEN', async () => {
    const admin = await stack.as('admin');
    const { auditEvents } = await admin.data<{ auditEvents: { nodes: { patientId: string; action: string }[] } }>(
      'query($p: ID!) { auditEvents(filter: { patientId: $p, entityType: "Patient", action: "read" }, first: 5) { nodes { patientId action } } }',
      { p: mariaId },
    );
    expect(auditEvents.nodes.length).toBeGreaterThan(0);
    expect(auditEvents.nodes.every((e) => e.patientId === mariaId && e.action === 'read')).toBe(true);
    expect(codeOf(await james.request('{ auditEvents { nodes { id } } }'))).toBe('FORBIDDEN');
    expect(codeOf(await reception.request('{ auditEvents { nodes { id } } }'))).toBe('FORBIDDEN');
  });

  it("rejects UPDATE, DELETE and TRUNCATE of audit.event on the application's own connection", async () => {
    await expect(stack.db.database.exec("update audit.event set action = 'forged'")).rejects.toThrow(/append-only/);
    await expect(stack.db.database.exec('delete from audit.event')).rejects.toThrow(/append-only/);
    await expect(stack.db.database.exec('truncate audit.event')).rejects.toThrow(/append-only/);
  });
});
