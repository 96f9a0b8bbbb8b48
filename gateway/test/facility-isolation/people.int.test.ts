import { randomUUID } from 'node:crypto';
import { emitEvent, Topics } from '@clinigraph/kit';
import { codeOf, type GqlClient, gqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SecondFacility, secondFacility } from '../../src/testing/second-facility.ts';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

/**
 * Facility scoping in people: the staff of facility A (the demo clinic, Riverside) must not reach facility
 * B's patients, accounts, providers, departments or facility by any path, nor change them: each refusal is
 * NOT_FOUND, exactly as for a record that does not exist. B's staff keep their own; the network admin sees
 * both. A patient becomes a facility's when booked or seen there, or registered there a second time.
 */
let stack: TestStack;
let B: SecondFacility;
let admin: GqlClient;
let reception: GqlClient;
let nurse: GqlClient;
let jamesId: string;
/** B's department and B's receptionist's own account, made by the network admin and B's staff. */
let departmentId: string;
let bReceptionAccountId: string;

const MISSING = '00000000-0000-4000-8000-000000000000';
const PATIENT = 'query($id: ID!) { patient(id: $id) { id givenName familyName registeredFacility { id } } }';
const SEARCH = 'query($s: String) { patients(search: $s, first: 50) { nodes { id } } }';
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Patient { id givenName familyName }
  ... on Provider { id familyName }
  ... on Facility { id name }
} }`;
const CREATE_PATIENT = 'mutation($input: CreatePatientInput!) { createPatient(input: $input) { id givenName registeredFacility { id } } }';

const ids = (r: { patients: { nodes: { id: string }[] } }) => r.patients.nodes.map((n) => n.id);
const sameError = (a: { errors: { message: string; extensions?: Record<string, unknown> }[] }) =>
  a.errors.map((e) => ({ message: e.message, code: e.extensions?.code }));

beforeAll(async () => {
  stack = await startTestStack();
  B = await secondFacility(stack);
  jamesId = stack.seed.patientIds[1]!;
  [admin, reception, nurse] = await Promise.all([stack.as('admin'), stack.as('receptionist'), stack.as('nurse')]);
  const { createDepartment } = await admin.data<{ createDepartment: { id: string } }>(
    'mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }',
    { input: { facilityId: B.facilityId, name: 'Hillside Physio' } },
  );
  departmentId = createDepartment.id;
  const { me } = await B.staff.receptionist.data<{ me: { id: string } }>('{ me { id } }');
  bReceptionAccountId = me.id;
}, 300_000);
afterAll(() => stack?.stop());

describe("A's staff cannot reach B's patients", { timeout: 60_000 }, () => {
  it('by id: NOT_FOUND, as for a missing record; B and the network admin read it', async () => {
    for (const client of [reception, nurse]) {
      const other = await client.request(PATIENT, { id: B.patientId });
      expect(codeOf(other)).toBe('NOT_FOUND');
      expect(other.data).toEqual({ patient: null });
      expect(sameError(other)).toEqual(sameError(await client.request(PATIENT, { id: MISSING })));
      expect(JSON.stringify(other)).not.toMatch(/Holly|Hillside/);
    }
    const own = await B.staff.nurse.data<{ patient: { givenName: string; registeredFacility: { id: string } } }>(PATIENT, { id: B.patientId });
    expect(own.patient).toMatchObject({ givenName: 'Holly', registeredFacility: { id: B.facilityId } });
    expect((await admin.data<{ patient: { givenName: string } }>(PATIENT, { id: B.patientId })).patient.givenName).toBe('Holly');
  });

  it('through search, whatever the term: B finds their own and not A’s', async () => {
    for (const s of ['Holly', 'Hillside', '', null]) expect(ids(await reception.data(SEARCH, { s })), String(s)).not.toContain(B.patientId);
    expect(ids(await B.staff.receptionist.data(SEARCH, { s: 'Holly' }))).toEqual([B.patientId]);
    expect(ids(await B.staff.receptionist.data(SEARCH, { s: null }))).not.toContain(jamesId);
    const both = ids(await admin.data(SEARCH, { s: null }));
    expect(both).toEqual(expect.arrayContaining([B.patientId, jamesId]));
  });

  it("through the people subgraph's _entities: null and NOT_FOUND for B's patient, provider and facility", async () => {
    const direct = gqlClient(stack.subgraphs.people!.url, reception.token);
    const result = await direct.request(ENTITIES, {
      r: [
        { __typename: 'Patient', id: B.patientId },
        { __typename: 'Provider', id: B.providerId },
        { __typename: 'Facility', id: B.facilityId },
        { __typename: 'Patient', id: jamesId },
      ],
    });
    expect(result.data?._entities.slice(0, 3)).toEqual([null, null, null]);
    expect(result.data?._entities[3]).toMatchObject({ id: jamesId, givenName: 'James' });
    expect(JSON.stringify(result)).not.toMatch(/Holly|Hill|Hillside Clinic/);
    const own = await gqlClient(stack.subgraphs.people!.url, B.staff.nurse.token).request(ENTITIES, {
      r: [
        { __typename: 'Patient', id: B.patientId },
        { __typename: 'Provider', id: B.providerId },
        { __typename: 'Facility', id: B.facilityId },
      ],
    });
    expect(own.data?._entities).toEqual([
      expect.objectContaining({ givenName: 'Holly' }),
      expect.objectContaining({ familyName: 'Hill' }),
      expect.objectContaining({ name: 'Hillside Clinic' }),
    ]);
  });

  it("cannot change B's patient or its record: NOT_FOUND", async () => {
    const update = await reception.request('mutation($id: ID!) { updatePatient(id: $id, input: { phone: "+1 555 9999" }) { id } }', { id: B.patientId });
    expect(codeOf(update)).toBe('NOT_FOUND');
    const contact = await nurse.request(
      'mutation($p: ID!) { addEmergencyContact(patientId: $p, input: { name: "X", relationship: "Friend", phone: "+1 555 9998" }) { id } }',
      { p: B.patientId },
    );
    expect(codeOf(contact)).toBe('NOT_FOUND');
    const { addAllergy } = await B.staff.nurse.data<{ addAllergy: { allergies: { id: string }[] } }>(
      'mutation($p: ID!) { addAllergy(patientId: $p, input: { substance: "Latex", severity: MILD }) { allergies { id } } }',
      { p: B.patientId },
    );
    const removed = await nurse.request('mutation($id: ID!) { removeAllergy(id: $id) { id } }', { id: addAllergy.allergies[0]!.id });
    expect(codeOf(removed)).toBe('NOT_FOUND');
  });

  it('cannot register a patient at B: NOT_FOUND for the facility', async () => {
    const result = await reception.request(CREATE_PATIENT, {
      input: { givenName: 'Ivo', familyName: 'Intruder', dateOfBirth: '1980-01-01', sex: 'MALE', registeredFacilityId: B.facilityId },
    });
    expect(codeOf(result)).toBe('NOT_FOUND');
  });
});

describe('a patient belongs to every facility where they are registered, booked or seen', { timeout: 60_000 }, () => {
  it("registering at A a patient only B knows links B's record to A (audited) and shows no duplicate", async () => {
    const { createPatient } = await B.staff.receptionist.data<{ createPatient: { id: string } }>(CREATE_PATIENT, {
      input: { givenName: 'Sven', familyName: 'Second', dateOfBirth: '1977-07-07', sex: 'MALE', phone: '+1 555 0177' },
    });
    expect(ids(await reception.data(SEARCH, { s: 'Sven' }))).toEqual([]);
    const again = await reception.data<{ createPatient: { id: string; registeredFacility: { id: string } | null } }>(CREATE_PATIENT, {
      input: { givenName: 'sven', familyName: 'SECOND', dateOfBirth: '1977-07-07', sex: 'MALE', phone: '+1 (555) 0177' },
    });
    expect(again.createPatient.id).toBe(createPatient.id);
    // Registered at B: A's staff see the record, not B's facility.
    expect(again.createPatient.registeredFacility).toBeNull();
    expect(ids(await reception.data(SEARCH, { s: 'Sven' }))).toEqual([createPatient.id]);
    const [row] = await stack.db.database.query<{ detail: { reason: string; facilityId: string } }>(
      `select detail from audit.event where entity_type = 'PatientFacility' and patient_id = $1`,
      [createPatient.id],
    );
    expect(row?.detail).toMatchObject({ reason: 'registered at a second facility', facilityId: stack.seed.facilityId });
  });

  it('details that match nobody make a new record and reveal nothing of B', async () => {
    const result = await reception.request(CREATE_PATIENT, {
      input: { givenName: 'Holly', familyName: 'Hillside', dateOfBirth: '1990-04-05', sex: 'FEMALE' },
    });
    expect(result.errors).toEqual([]);
    const created = (result.data as { createPatient: { id: string } }).createPatient.id;
    expect(created).not.toBe(B.patientId);
    expect(JSON.stringify(result)).not.toContain(B.patientId);
  });

  it("a booking or a visit at B makes an A patient B's too (people's consumer of appointment and encounter events)", async () => {
    const { createPatient } = await reception.data<{ createPatient: { id: string } }>(CREATE_PATIENT, {
      input: { givenName: 'Bea', familyName: 'Booked', dateOfBirth: '1988-08-08', sex: 'FEMALE' },
    });
    expect(codeOf(await B.staff.receptionist.request(PATIENT, { id: createPatient.id }))).toBe('NOT_FOUND');
    const booked = {
      topic: Topics.appointmentChanged,
      entityType: 'Appointment',
      entityId: randomUUID(),
      facilityId: B.facilityId,
      patientId: createPatient.id,
      payload: { kind: 'booked' },
    };
    // Scheduling writes it as it books; a replay of the same event, or a later visit, changes nothing.
    await emitEvent(stack.db.database.db, booked);
    await emitEvent(stack.db.database.db, booked);
    await emitEvent(stack.db.database.db, { ...booked, topic: Topics.encounterChanged, entityType: 'Encounter' });
    await stack.consumers.drain();
    expect((await B.staff.receptionist.data<{ patient: { givenName: string } }>(PATIENT, { id: createPatient.id })).patient.givenName).toBe('Bea');
    const links = await stack.db.database.query<{ n: number }>('select count(*)::int as n from people.patient_facility where patient_id = $1', [
      createPatient.id,
    ]);
    expect(links[0]?.n).toBe(2);
  });
});

describe("A's admin manages only A's accounts, providers, departments and facilities", { timeout: 60_000 }, () => {
  let confinedAdmin: GqlClient;
  beforeAll(async () => {
    await admin.data('mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', {
      input: {
        email: 'admin.riverside@clinigraph.test',
        password: 'riverside-admin-1',
        displayName: 'Riverside admin',
        roles: ['ADMIN'],
        facilityIds: [stack.seed.facilityId],
      },
    });
    confinedAdmin = await stack.as({ email: 'admin.riverside@clinigraph.test', password: 'riverside-admin-1' });
  }, 60_000);

  it("sees neither B's accounts nor B's facility", async () => {
    const { accounts } = await confinedAdmin.data<{ accounts: { nodes: { email: string }[] } }>('{ accounts(first: 100) { nodes { email } } }');
    const emails = accounts.nodes.map((a) => a.email);
    expect(emails).toContain('nurse@clinigraph.local');
    expect(emails.filter((e) => e.includes('hillside'))).toEqual([]);
    expect(codeOf(await confinedAdmin.request('query($id: ID!) { account(id: $id) { id } }', { id: bReceptionAccountId }))).toBe('NOT_FOUND');
    const { facilities } = await confinedAdmin.data<{ facilities: { id: string }[] }>('{ facilities { id } }');
    expect(facilities.map((f) => f.id)).toEqual([stack.seed.facilityId]);
    expect(codeOf(await confinedAdmin.request('query($id: ID!) { facility(id: $id) { id } }', { id: B.facilityId }))).toBe('NOT_FOUND');
    const all = await admin.data<{ facilities: { id: string }[] }>('{ facilities { id } }');
    expect(all.facilities.map((f) => f.id)).toEqual(expect.arrayContaining([stack.seed.facilityId, B.facilityId]));
  });

  it("cannot change B's accounts, nor give a facility of B, nor grant network-wide access", async () => {
    for (const m of [
      'mutation($id: ID!) { deactivateAccount(id: $id) { id } }',
      'mutation($id: ID!) { updateAccount(id: $id, input: { displayName: "Taken" }) { id } }',
      'mutation($id: ID!) { sendPasswordResetLink(id: $id) }',
    ]) {
      expect(codeOf(await confinedAdmin.request(m, { id: bReceptionAccountId })), m).toBe('NOT_FOUND');
    }
    const nurseId = (await nurse.data<{ me: { id: string } }>('{ me { id } }')).me.id;
    const toB = await confinedAdmin.request('mutation($id: ID!, $f: [ID!]) { updateAccount(id: $id, input: { facilityIds: $f }) { id } }', {
      id: nurseId,
      f: [stack.seed.facilityId, B.facilityId],
    });
    expect(codeOf(toB)).toBe('NOT_FOUND');
    const grant = await confinedAdmin.request('mutation($id: ID!) { updateAccount(id: $id, input: { roles: [NURSE, NETWORK_ADMIN] }) { id } }', {
      id: nurseId,
    });
    expect(codeOf(grant)).toBe('FORBIDDEN');
    const create = await confinedAdmin.request('mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', {
      input: {
        email: 'sneaky@clinigraph.test',
        password: 'sneaky-pass-12',
        displayName: 'Sneaky',
        roles: ['NETWORK_ADMIN'],
        facilityIds: [stack.seed.facilityId],
      },
    });
    expect(codeOf(create)).toBe('FORBIDDEN');
    const created = await confinedAdmin.request('mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', {
      input: { email: 'hill.helper@clinigraph.test', password: 'hill-helper-12', displayName: 'Helper', roles: ['NURSE'], facilityIds: [B.facilityId] },
    });
    expect(codeOf(created)).toBe('NOT_FOUND');
  });

  it("sees and changes neither B's providers nor B's departments", async () => {
    const { providers } = await confinedAdmin.data<{ providers: { id: string }[] }>('{ providers { id } }');
    expect(providers.map((p) => p.id)).not.toContain(B.providerId);
    expect(providers.map((p) => p.id)).toEqual(expect.arrayContaining(stack.seed.providerIds));
    expect(codeOf(await nurse.request('query($id: ID!) { provider(id: $id) { id } }', { id: B.providerId }))).toBe('NOT_FOUND');
    expect(codeOf(await confinedAdmin.request('mutation($id: ID!) { updateProvider(id: $id, input: { title: "Dr." }) { id } }', { id: B.providerId }))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await confinedAdmin.request('mutation($id: ID!) { updateDepartment(id: $id, input: { name: "Taken" }) { id } }', { id: departmentId }))).toBe(
      'NOT_FOUND',
    );
    const dept = await confinedAdmin.request('mutation($f: ID!) { createDepartment(input: { facilityId: $f, name: "Outpost" }) { id } }', { f: B.facilityId });
    expect(codeOf(dept)).toBe('NOT_FOUND');
    expect(codeOf(await confinedAdmin.request('mutation($id: ID!) { updateFacility(id: $id, input: { name: "Taken" }) { id } }', { id: B.facilityId }))).toBe(
      'NOT_FOUND',
    );
    const { providers: all } = await admin.data<{ providers: { id: string }[] }>('{ providers { id } }');
    expect(all.map((p) => p.id)).toContain(B.providerId);
  });

  it("reads the audit trail of A's patients and staff, not what B's staff did to B's patients", async () => {
    await B.staff.nurse.data(PATIENT, { id: B.patientId });
    const AUDIT = 'query($p: ID) { auditEvents(filter: { patientId: $p }, first: 100) { nodes { patientId actor { id } } } }';
    const aboutB = await confinedAdmin.data<{ auditEvents: { nodes: unknown[] } }>(AUDIT, { p: B.patientId });
    expect(aboutB.auditEvents.nodes).toEqual([]);
    const aboutJames = await confinedAdmin.data<{ auditEvents: { nodes: { patientId: string }[] } }>(AUDIT, { p: jamesId });
    expect(aboutJames.auditEvents.nodes.length).toBeGreaterThan(0);
    // Unfiltered, B's patient shows only in what A's own staff did (their refused attempts above), never in B's staff's work.
    const { auditEvents } = await confinedAdmin.data<{ auditEvents: { nodes: { patientId: string | null; actor: { id: string } | null }[] } }>(AUDIT, {
      p: null,
    });
    expect(auditEvents.nodes.filter((n) => n.patientId === B.patientId && n.actor === null)).toEqual([]);
    const network = await admin.data<{ auditEvents: { nodes: unknown[] } }>(AUDIT, { p: B.patientId });
    expect(network.auditEvents.nodes.length).toBeGreaterThan(0);
  });
});
