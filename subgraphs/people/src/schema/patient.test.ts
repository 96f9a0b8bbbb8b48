import type { GqlClient } from '@clinigraph/kit/testing';
import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidMrn } from '../services/mrn.ts';
import { codesOf, type PeopleTestSubgraph, startPeopleSubgraph, tracked } from '../testing.ts';

let people: PeopleTestSubgraph;
let reception: GqlClient;
let nurse: GqlClient;
let doctor: GqlClient;
let billing: GqlClient;
let pharmacist: GqlClient;
let lab: GqlClient;
let admin: GqlClient;
let maria: GqlClient;
let james: GqlClient;

beforeAll(async () => {
  people = await startPeopleSubgraph();
  const who = ['receptionist', 'nurse', 'doctor', 'billing', 'pharmacist', 'lab', 'admin', 'maria', 'james'] as const;
  const clients = await Promise.all(who.map((w) => people.as(w)));
  [reception, nurse, doctor, billing, pharmacist, lab, admin, maria, james] = clients as [
    GqlClient,
    GqlClient,
    GqlClient,
    GqlClient,
    GqlClient,
    GqlClient,
    GqlClient,
    GqlClient,
    GqlClient,
  ];
});
afterAll(() => people?.close());

const track = <T>(run: () => Promise<T>) => tracked(people.database, run);

const CREATE =
  'mutation($input: CreatePatientInput!) { createPatient(input: $input) { id mrn givenName familyName dateOfBirth sex phone registeredFacility { code } } }';
const UPDATE = 'mutation($id: ID!, $input: UpdatePatientInput!) { updatePatient(id: $id, input: $input) { id givenName phone email } }';
const PATIENT = 'query($id: ID!) { patient(id: $id) { id givenName familyName mrn } }';
const SEARCH =
  'query($search: String, $first: Int, $after: String) { patients(search: $search, first: $first, after: $after) { nodes { id givenName familyName } pageInfo { hasNextPage endCursor } } }';
const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { id givenName } } }';

const walkIn = { givenName: 'Tomás', familyName: 'Ruiz', dateOfBirth: '1964-08-30', sex: 'MALE', phone: '+34 600 123 456' };

describe('staff register patients', () => {
  it('generates a unique MRN with a valid check digit, and audits the creation in the same transaction', async () => {
    const { createPatient: a } = await reception.data<{ createPatient: any }>(CREATE, { input: { ...walkIn, registeredFacilityId: people.seed.facilityId } });
    const { createPatient: b } = await nurse.data<{ createPatient: any }>(CREATE, { input: { ...walkIn, givenName: 'Lucía' } });
    expect(a).toMatchObject({ givenName: 'Tomás', sex: 'MALE', registeredFacility: { code: 'RIV' } });
    expect(isValidMrn(a.mrn) && isValidMrn(b.mrn)).toBe(true);
    expect(a.mrn).not.toBe(b.mrn);
    expect(isValidMrn(`${a.mrn.slice(0, -1)}${(Number(a.mrn.at(-1)) + 1) % 10}`)).toBe(false);
    const rows = await people.database.query<{ action: string; actor_roles: string[] }>(
      "select action, actor_roles from audit.event where entity_type = 'Patient' and patient_id = $1 and action = 'create'",
      [a.id],
    );
    expect(rows).toEqual([{ action: 'create', actor_roles: ['receptionist'] }]);
  });

  it('refuses roles that do not register patients, and writes nothing', async () => {
    for (const client of [billing, pharmacist, lab, maria]) {
      const { result, changed } = await track(() => client.request(CREATE, { input: walkIn }));
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(changed).toEqual([]);
    }
    expect(codeOf(await people.client().request(CREATE, { input: walkIn }))).toBe('UNAUTHENTICATED');
  });

  it('validates every field: BAD_USER_INPUT and nothing written', async () => {
    const bad = [
      { ...walkIn, givenName: '' },
      { ...walkIn, phone: 'call me maybe' },
      { ...walkIn, email: 'nope' },
      { ...walkIn, dateOfBirth: '2999-01-01' },
      { ...walkIn, registeredFacilityId: 'not-an-id' },
      { ...walkIn, registeredFacilityId: '00000000-0000-4000-8000-000000000000' },
    ];
    for (const input of bad) {
      const { result, changed } = await track(() => reception.request(CREATE, { input }));
      expect(codeOf(result), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(changed).toEqual([]);
    }
    // The sex enum and the Date scalar are checked before any resolver runs.
    expect(codeOf(await reception.request(CREATE, { input: { ...walkIn, sex: 'ROBOT' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await reception.request(CREATE, { input: { ...walkIn, dateOfBirth: '30/08/1964' } }))).toBe('BAD_USER_INPUT');
  });
});

describe('updating a patient', () => {
  it('lets staff change identifying details and a patient change their own contact details', async () => {
    const id = people.patients.james;
    const { updatePatient } = await reception.data<{ updatePatient: any }>(UPDATE, { id, input: { familyName: 'Chen-Li' } });
    expect(updatePatient.givenName).toBe('James');
    const self = await james.data<{ updatePatient: any }>(UPDATE, { id, input: { phone: '+1 555 0222', email: 'james.chen@example.com', address: null } });
    expect(self.updatePatient).toMatchObject({ phone: '+1 555 0222', email: 'james.chen@example.com' });
    const audit = await people.database.query<{ actor_roles: string[]; detail: { fields: string[] } }>(
      "select actor_roles, detail from audit.event where action = 'update' and entity_type = 'Patient' and patient_id = $1 order by id",
      [id],
    );
    expect(audit.map((a) => [a.actor_roles, a.detail.fields.sort()])).toEqual([
      [['receptionist'], ['familyName']],
      [['patient'], ['address', 'email', 'phone']],
    ]);
  });

  it('does not let a patient change their name, nor touch anyone else', async () => {
    const mine = await track(() => james.request(UPDATE, { id: people.patients.james, input: { givenName: 'Jim' } }));
    expect(codeOf(mine.result)).toBe('FORBIDDEN');
    expect(mine.changed).toEqual([]);
    const theirs = await track(() => james.request(UPDATE, { id: people.patients.maria, input: { phone: '+1 555 0666' } }));
    expect(codeOf(theirs.result)).toBe('NOT_FOUND');
    expect(theirs.changed).toEqual([]);
  });

  it('keeps clinical fields to doctors and nurses (and admins)', async () => {
    const id = people.patients.aisha;
    const { result, changed } = await track(() => reception.request(UPDATE, { id, input: { bloodGroup: 'A_NEG' } }));
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(changed).toEqual([]);
    await nurse.data(UPDATE, { id, input: { bloodGroup: 'A_NEG', chronicConditions: ['Asthma', 'Asthma', 'Migraine'] } });
    const { patient } = await doctor.data<{ patient: any }>('query($id: ID!) { patient(id: $id) { bloodGroup chronicConditions } }', { id });
    expect(patient).toEqual({ bloodGroup: 'A_NEG', chronicConditions: ['Asthma', 'Migraine'] });
    for (const client of [billing, pharmacist, lab]) expect(codeOf(await client.request(UPDATE, { id, input: { phone: '+1 555 0999' } }))).toBe('FORBIDDEN');
  });

  it('answers malformed changes with BAD_USER_INPUT and writes nothing', async () => {
    const id = people.patients.aisha;
    for (const input of [{ phone: 'x' }, { givenName: null }, { chronicConditions: [''] }, {}]) {
      const { result, changed } = await track(() => doctor.request(UPDATE, { id, input }));
      expect(codeOf(result), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(changed).toEqual([]);
    }
    expect(codeOf(await doctor.request(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { phone: '+1 555 0999' } }))).toBe('NOT_FOUND');
  });
});

const ADD_ALLERGY = 'mutation($p: ID!, $input: AllergyInput!) { addAllergy(patientId: $p, input: $input) { allergies { id substance reaction severity } } }';
const REMOVE_ALLERGY = 'mutation($id: ID!) { removeAllergy(id: $id) { allergies { substance } } }';
const ADD_CONTACT =
  'mutation($p: ID!, $input: EmergencyContactInput!) { addEmergencyContact(patientId: $p, input: $input) { emergencyContacts { id name relationship phone } } }';
const REMOVE_CONTACT = 'mutation($id: ID!) { removeEmergencyContact(id: $id) { emergencyContacts { name } } }';
const ADD_INSURANCE =
  'mutation($p: ID!, $input: InsuranceDetailInput!) { addInsuranceDetail(patientId: $p, input: $input) { insurance { id payer memberId validUntil } } }';
const REMOVE_INSURANCE = 'mutation($id: ID!) { removeInsuranceDetail(id: $id) { insurance { payer } } }';

describe("a patient's allergies, emergency contacts and insurance", () => {
  it('doctors and nurses add and remove allergies; others may not', async () => {
    const p = people.patients.james;
    const { addAllergy } = await doctor.data<{ addAllergy: any }>(ADD_ALLERGY, { p, input: { substance: 'Latex', reaction: 'Rash', severity: 'MODERATE' } });
    const latex = addAllergy.allergies.find((a: any) => a.substance === 'Latex');
    expect(latex).toMatchObject({ reaction: 'Rash', severity: 'MODERATE' });
    for (const client of [reception, pharmacist, billing, james]) {
      const { result, changed } = await track(() => client.request(ADD_ALLERGY, { p, input: { substance: 'Nuts', severity: 'SEVERE' } }));
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(changed).toEqual([]);
    }
    expect(codeOf(await nurse.request(ADD_ALLERGY, { p, input: { substance: ' ', severity: 'SEVERE' } }))).toBe('BAD_USER_INPUT');
    const { removeAllergy } = await nurse.data<{ removeAllergy: any }>(REMOVE_ALLERGY, { id: latex.id });
    expect(removeAllergy.allergies).toEqual([]);
    expect(codeOf(await nurse.request(REMOVE_ALLERGY, { id: latex.id }))).toBe('NOT_FOUND');
    const audit = await people.database.query<{ action: string }>(
      "select action from audit.event where entity_type = 'Allergy' and entity_id = $1 order by id",
      [latex.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it('a patient manages their own emergency contacts and insurance, never anyone else’s', async () => {
    const mine = people.patients.james;
    const { addEmergencyContact } = await james.data<{ addEmergencyContact: any }>(ADD_CONTACT, {
      p: mine,
      input: { name: 'Mei Chen', relationship: 'Daughter', phone: '+1 555 0303' },
    });
    const contact = addEmergencyContact.emergencyContacts[0];
    expect(contact).toMatchObject({ name: 'Mei Chen', relationship: 'Daughter' });
    const { addInsuranceDetail } = await james.data<{ addInsuranceDetail: any }>(ADD_INSURANCE, {
      p: mine,
      input: { payer: 'Acme Health', memberId: 'AC-1234', validUntil: '2030-12-31' },
    });
    expect(addInsuranceDetail.insurance[0]).toMatchObject({ payer: 'Acme Health', validUntil: '2030-12-31' });

    // Maria's contact exists (seeded); to James it does not.
    const [mariaContact] = await people.database.query<{ id: string }>('select id from people.emergency_contact where patient_id = $1', [
      people.patients.maria,
    ]);
    const theirs = await track(() => james.request(REMOVE_CONTACT, { id: mariaContact!.id }));
    expect(codeOf(theirs.result)).toBe('NOT_FOUND');
    expect(theirs.result.errors[0]?.message).toBe((await james.request(REMOVE_CONTACT, { id: '00000000-0000-4000-8000-000000000000' })).errors[0]?.message);
    expect(theirs.changed).toEqual([]);
    const add = await track(() => james.request(ADD_CONTACT, { p: people.patients.maria, input: { name: 'X', relationship: 'Y', phone: '+1 555 0000' } }));
    expect(codeOf(add.result)).toBe('NOT_FOUND');
    expect(add.changed).toEqual([]);

    expect(codeOf(await billing.request(ADD_CONTACT, { p: mine, input: { name: 'X', relationship: 'Y', phone: '+1 555 0000' } }))).toBe('FORBIDDEN');
    const { removeEmergencyContact } = await james.data<{ removeEmergencyContact: any }>(REMOVE_CONTACT, { id: contact.id });
    expect(removeEmergencyContact.emergencyContacts).toEqual([]);
    const { removeInsuranceDetail } = await billing.data<{ removeInsuranceDetail: any }>(REMOVE_INSURANCE, { id: addInsuranceDetail.insurance[0].id });
    expect(removeInsuranceDetail.insurance).toEqual([]);
  });
});

describe('what each role sees of a patient', () => {
  const FULL =
    'query($id: ID!) { patient(id: $id) { givenName phone bloodGroup chronicConditions allergies { substance } emergencyContacts { name } insurance { payer } } }';
  const SECTIONS: Record<string, string> = {
    demographics: 'givenName phone',
    clinical: 'bloodGroup chronicConditions allergies { substance }',
    emergencyContacts: 'emergencyContacts { name }',
    insurance: 'insurance { payer }',
  };
  const can = async (client: GqlClient, section: string) =>
    codeOf(await client.request(`query($id: ID!) { patient(id: $id) { ${SECTIONS[section]} } }`, { id: people.patients.maria })) === null;

  it('gives every staff role the demographics, and the rest by need', async () => {
    const table: Record<string, GqlClient> = { doctor, nurse, reception, pharmacist, billing, lab, admin, maria };
    const seen: Record<string, string[]> = {};
    for (const [name, client] of Object.entries(table)) {
      seen[name] = [];
      for (const section of Object.keys(SECTIONS)) if (await can(client, section)) seen[name].push(section);
    }
    expect(seen).toEqual({
      doctor: ['demographics', 'clinical', 'emergencyContacts'],
      nurse: ['demographics', 'clinical', 'emergencyContacts'],
      reception: ['demographics', 'emergencyContacts', 'insurance'],
      pharmacist: ['demographics', 'clinical'],
      billing: ['demographics', 'insurance'],
      lab: ['demographics', 'clinical'],
      admin: ['demographics', 'clinical', 'emergencyContacts', 'insurance'],
      maria: ['demographics', 'clinical', 'emergencyContacts', 'insurance'],
    });
    const full = await maria.data<{ patient: any }>(FULL, { id: people.patients.maria });
    expect(full.patient.allergies).toEqual([{ substance: 'Penicillin' }]);
    const refused = await billing.request(FULL, { id: people.patients.maria });
    expect(codesOf(refused)).toContain('FORBIDDEN');
  });
});

describe('patient A cannot read patient B', () => {
  it('by id: NOT_FOUND, exactly as for a record that does not exist', async () => {
    const other = await james.request(PATIENT, { id: people.patients.maria });
    const missing = await james.request(PATIENT, { id: '00000000-0000-4000-8000-000000000000' });
    const garbage = await james.request(PATIENT, { id: 'nope' });
    expect(codeOf(other)).toBe('NOT_FOUND');
    expect(other.data).toEqual({ patient: null });
    expect(other.errors.map((e) => [e.message, e.extensions])).toEqual(missing.errors.map((e) => [e.message, e.extensions]));
    expect(garbage.errors.map((e) => [e.message, e.extensions])).toEqual(missing.errors.map((e) => [e.message, e.extensions]));
    expect((await james.data<{ patient: any }>(PATIENT, { id: people.patients.james })).patient.givenName).toBe('James');
  });

  it('through search: only themselves, whatever the term', async () => {
    for (const search of [null, '', 'Garcia', 'Maria', '555', 'CG']) {
      const { patients } = await james.data<{ patients: any }>(SEARCH, { search });
      expect(
        patients.nodes.every((n: any) => n.id === people.patients.james),
        String(search),
      ).toBe(true);
    }
    const [mrn] = await people.database.query<{ mrn: string }>('select mrn from people.patient where id = $1', [people.patients.maria]);
    expect((await james.data<{ patients: any }>(SEARCH, { search: mrn!.mrn })).patients.nodes).toEqual([]);
  });

  it("through the subgraph's _entities with A's token: NOT_FOUND and no data", async () => {
    const result = await james.request(ENTITIES, { r: [{ __typename: 'Patient', id: people.patients.maria }] });
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect(result.data?._entities ?? [null]).toEqual([null]);
    expect(JSON.stringify(result)).not.toContain('Maria');
    const own = await james.data<{ _entities: any[] }>(ENTITIES, { r: [{ __typename: 'Patient', id: people.patients.james }] });
    expect(own._entities).toEqual([{ id: people.patients.james, givenName: 'James' }]);
    const anonymous = await people.client().request(ENTITIES, { r: [{ __typename: 'Patient', id: people.patients.maria }] });
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(anonymous)).not.toContain('Maria');
  });

  it('through me: a patient account is only ever its own record', async () => {
    const { me } = await maria.data<{ me: any }>('{ me { roles patient { id givenName } } }');
    expect(me).toEqual({ roles: ['PATIENT'], patient: { id: people.patients.maria, givenName: 'Maria' } });
  });
});

describe('search for staff', () => {
  it('finds by name, MRN or phone, in pages', async () => {
    const [{ mrn }] = (await people.database.query<{ mrn: string }>('select mrn from people.patient where id = $1', [people.patients.aisha])) as [
      { mrn: string },
    ];
    expect((await reception.data<{ patients: any }>(SEARCH, { search: 'khan' })).patients.nodes.map((n: any) => n.givenName)).toEqual(['Aisha']);
    expect((await reception.data<{ patients: any }>(SEARCH, { search: mrn.toLowerCase() })).patients.nodes.map((n: any) => n.id)).toEqual([
      people.patients.aisha,
    ]);
    expect((await reception.data<{ patients: any }>(SEARCH, { search: '(555) 0103' })).patients.nodes.map((n: any) => n.givenName)).toEqual(['Aisha']);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { patients }: { patients: any } = await billing.data<{ patients: any }>(SEARCH, { first: 2, after });
      seen.push(...patients.nodes.map((n: any) => n.id));
      if (!patients.pageInfo.hasNextPage) break;
      after = patients.pageInfo.endCursor;
    }
    // Billing works at the demo clinic: it pages through that facility's patients, and no other's.
    const [{ n }] = (await people.database.query<{ n: number }>(
      'select count(*)::int as n from people.patient p where exists (select 1 from people.patient_facility f where f.patient_id = p.id and f.facility_id = $1)',
      [people.seed.facilityId],
    )) as [{ n: number }];
    expect(seen).toHaveLength(n);
    expect(new Set(seen).size).toBe(n);
    expect(codeOf(await reception.request(SEARCH, { first: 1000 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await reception.request(SEARCH, { after: 'garbage' }))).toBe('BAD_USER_INPUT');
  });
});

describe('the audit trail of patient data', () => {
  it('records reads, with who, which patient, what, when and from where', async () => {
    const before = await people.database.query<{ id: string }>('select max(id)::text as id from audit.event');
    await doctor.data('query ChartOpen($id: ID!) { patient(id: $id) { givenName allergies { substance } } }', { id: people.patients.maria });
    await reception.data('query FrontDesk { patients(search: "Garcia") { nodes { id } } }');
    const rows = await people.database.query<any>(
      'select actor_id, actor_roles, action, entity_type, patient_id, operation, ip, service, at from audit.event where id > $1::bigint order by id',
      [before[0]?.id ?? '0'],
    );
    const read = rows.find((r) => r.operation === 'ChartOpen');
    expect(read).toMatchObject({ actor_roles: ['doctor'], action: 'read', entity_type: 'Patient', patient_id: people.patients.maria, service: 'people' });
    expect(read.actor_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(read.ip).toBeTruthy();
    expect(new Date(read.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const search = rows.filter((r) => r.operation === 'FrontDesk').map((r) => [r.action, r.patient_id]);
    expect(search).toEqual([
      ['search', null],
      ['read', people.patients.maria],
    ]);
  });

  it("cannot be changed or removed through the application's own connection", async () => {
    const [before] = await people.database.query<{ n: number }>('select count(*)::int as n from audit.event');
    await expect(people.database.exec("update audit.event set action = 'nothing'")).rejects.toThrow(/append-only/);
    await expect(people.database.exec('delete from audit.event')).rejects.toThrow(/append-only/);
    await expect(people.database.exec('truncate audit.event')).rejects.toThrow(/append-only/);
    const [after] = await people.database.query<{ n: number }>('select count(*)::int as n from audit.event');
    expect(after?.n).toBe(before?.n);
    expect((await people.database.query<{ n: number }>("select count(*)::int as n from audit.event where action = 'nothing'"))[0]?.n).toBe(0);
  });
});
