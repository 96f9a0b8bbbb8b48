import { answered, codeOf, type GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareFixture, startCareFixture } from '../testing/fixture.ts';

/**
 * James's record (patient 1) holds a note, a released lab order, a finalised prescription and a draft.
 * Maria (patient 0) must not reach any of it by any path; James sees what is his and finished.
 */
let f: CareFixture;
let maria: GqlClient;
let james: GqlClient;
const ids = { encounter: '', note: '', lab: '', prescription: '', draft: '' };

beforeAll(async () => {
  f = await startCareFixture();
  maria = await f.patient(0);
  james = await f.patient(1);
  ids.encounter = await f.consultation(1);
  const note = await f.doctor.data<{ createNote: { id: string } }>(
    'mutation($e: ID!) { createNote(encounterId: $e, template: PROGRESS, sections: [{ key: "body", text: "Private clinical reasoning" }]) { id } }',
    { e: ids.encounter },
  );
  ids.note = note.createNote.id;
  const lab = await f.doctor.data<{ orderLabTests: { id: string; items: { id: string }[] } }>(
    'mutation($e: ID!) { orderLabTests(encounterId: $e, tests: ["TSH"]) { id items { id } } }',
    { e: ids.encounter },
  );
  ids.lab = lab.orderLabTests.id;
  await f.nurse.data('mutation($id: ID!) { collectLabSample(orderId: $id, specimen: "Serum") { id } }', { id: ids.lab });
  await f.lab.data('mutation($id: ID!) { receiveLabOrder(id: $id) { id } }', { id: ids.lab });
  await f.lab.data('mutation($i: ID!) { enterLabResult(orderItemId: $i, value: 2.1) { id } }', { i: lab.orderLabTests.items[0]!.id });
  await f.lab2.data('mutation($id: ID!) { verifyLabOrder(id: $id) { id } }', { id: ids.lab });
  await f.lab.data('mutation($id: ID!) { releaseLabOrder(id: $id) { id } }', { id: ids.lab });
  const item = { itemId: await f.medicine('levothyroxine'), dose: '50 mcg', route: 'ORAL', frequency: 'once daily', durationDays: 30, quantity: 30 };
  const rx = await f.doctor.data<{ createPrescription: { id: string } }>(
    'mutation($e: ID!, $i: [PrescriptionItemInput!]) { createPrescription(encounterId: $e, items: $i) { id } }',
    {
      e: ids.encounter,
      i: [item],
    },
  );
  ids.prescription = rx.createPrescription.id;
  await f.doctor.data('mutation($id: ID!) { finalisePrescription(id: $id) { id } }', { id: ids.prescription });
  const draft = await f.doctor.data<{ createPrescription: { id: string } }>('mutation($e: ID!) { createPrescription(encounterId: $e) { id } }', {
    e: ids.encounter,
  });
  ids.draft = draft.createPrescription.id;
});
afterAll(() => f?.close());

const ENTITIES = (type: string, fields: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { ${fields} } } }`;
const entity = (client: GqlClient, type: string, id: string, fields = 'id') => client.request(ENTITIES(type, fields), { r: [{ __typename: type, id }] });

describe("a patient and another patient's record", () => {
  it.each([
    ['encounter', 'query($id: ID!) { encounter(id: $id) { id } }', () => ids.encounter],
    ['note', 'query($id: ID!) { note(id: $id) { id } }', () => ids.note],
    ['lab order', 'query($id: ID!) { labOrder(id: $id) { id items { result { value } } } }', () => ids.lab],
    ['prescription', 'query($id: ID!) { prescription(id: $id) { id } }', () => ids.prescription],
    ['prescription PDF', 'query($id: ID!) { prescription(id: $id) { pdf { contentBase64 } } }', () => ids.prescription],
  ])('gets NOT_FOUND for the %s by id', async (_what, query, id) => {
    const result = await maria.request(query, { id: id() });
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect(answered(result)).toEqual([]);
  });

  it.each([
    ['Encounter', () => ids.encounter],
    ['Note', () => ids.note],
    ['LabOrder', () => ids.lab],
    ['Prescription', () => ids.prescription],
  ])('gets NOT_FOUND for the %s through _entities', async (type, id) => {
    const result = await entity(maria, type, id());
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect(result.data?._entities).toEqual([null]);
  });

  it.each(['encounters { id }', 'prescriptions { id }', 'labOrders { id }', 'vitals { id }', 'certificates { id }', 'diagnosisHistory { id }'])(
    'gets NOT_FOUND for Patient.%s of another patient through _entities',
    async (field) => {
      const result = await entity(maria, 'Patient', f.seed.patientIds[1]!, field);
      expect(codeOf(result)).toBe('NOT_FOUND');
    },
  );

  it('cannot probe: a made-up id answers exactly like a real one', async () => {
    const made = await maria.request('query($id: ID!) { prescription(id: $id) { id } }', { id: '6a1f1c1e-0000-4000-8000-000000000000' });
    const real = await maria.request('query($id: ID!) { prescription(id: $id) { id } }', { id: ids.prescription });
    expect(made.errors[0]!.message).toBe(real.errors[0]!.message);
  });
});

describe('a patient and their own record', () => {
  it('sees their finalised prescription, released results and encounter summary, never drafts', async () => {
    const { _entities } = await james.data<{ _entities: any[] }>(
      ENTITIES('Patient', 'prescriptions { id status } labOrders { id items { result { value } } } encounters { id diagnoses { code } }'),
      {
        r: [{ __typename: 'Patient', id: f.seed.patientIds[1] }],
      },
    );
    expect(_entities[0].prescriptions).toEqual([{ id: ids.prescription, status: 'FINALISED' }]);
    expect(_entities[0].labOrders).toEqual([{ id: ids.lab, items: [{ result: { value: 2.1 } }] }]);
    expect(_entities[0].encounters.map((e: { id: string }) => e.id)).toContain(ids.encounter);
    expect(codeOf(await james.request('query($id: ID!) { prescription(id: $id) { id } }', { id: ids.draft }))).toBe('NOT_FOUND');
  });

  it('cannot read clinical notes or the dental chart, even their own', async () => {
    expect(codeOf(await james.request('query($id: ID!) { note(id: $id) { id } }', { id: ids.note }))).toBe('FORBIDDEN');
    expect(codeOf(await entity(james, 'Note', ids.note))).toBe('FORBIDDEN');
    expect(codeOf(await entity(james, 'Patient', f.seed.patientIds[1]!, 'dentalChart { plan { id } }'))).toBe('FORBIDDEN');
    expect(codeOf(await james.request('query($id: ID!) { encounter(id: $id) { notes { id } } }', { id: ids.encounter }))).toBe('FORBIDDEN');
  });
});

describe('staff roles and the audit trail', () => {
  it('keeps notes from reception and billing, and lets nurses read them', async () => {
    expect(codeOf(await f.receptionist.request('query($id: ID!) { note(id: $id) { id } }', { id: ids.note }))).toBe('FORBIDDEN');
    expect(codeOf(await f.nurse.request('query($id: ID!) { note(id: $id) { id } }', { id: ids.note }))).toBeNull();
  });

  it('records every read of patient data, refused ones leaving no data read', async () => {
    const before = await f.count('audit.event', "service = 'care' and action = 'read' and entity_type = 'Note' and entity_id = $1", [ids.note]);
    await f.doctor.data('query($id: ID!) { note(id: $id) { id current { sections { text } } } }', { id: ids.note });
    expect(await f.count('audit.event', "service = 'care' and action = 'read' and entity_type = 'Note' and entity_id = $1", [ids.note])).toBe(before + 1);
    expect(
      await f.count('audit.event', "service = 'care' and action = 'create' and entity_type = 'Prescription' and patient_id = $1", [f.seed.patientIds[1]]),
    ).toBe(2);
  });
});
