import { Topics } from '@clinigraph/kit';
import { codeOf, type GqlResult } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareFixture, startCareFixture } from '../testing/fixture.ts';

let f: CareFixture;
const encounters: string[] = [];
beforeAll(async () => {
  f = await startCareFixture();
  for (const i of [0, 1, 2]) encounters[i] = await f.consultation(i);
  await f.addAllergy(f.seed.patientIds[1]!, 'Ibuprofen', 'MILD');
});
afterAll(() => f?.close());

const CREATE = 'mutation($e: ID!, $items: [PrescriptionItemInput!]) { createPrescription(encounterId: $e, items: $items) { id status items { genericName } } }';
const FINALISE =
  'mutation($id: ID!, $a: [SafetyAcknowledgementInput!]) { finalisePrescription(id: $id, acknowledgements: $a) { id status acknowledgements { findingKey reason } } }';
const CHECK = 'query($id: ID!) { prescriptionSafetyCheck(id: $id) { key level severity kind message } }';

async function draft(patient: number, ...generics: string[]): Promise<string> {
  const items = await Promise.all(
    generics.map(async (g) => ({
      itemId: await f.medicine(g),
      dose: '1 tablet',
      route: 'ORAL',
      frequency: 'twice daily',
      durationDays: 10,
      quantity: 20,
      refills: 1,
    })),
  );
  const { createPrescription } = await f.doctor.data<{ createPrescription: { id: string } }>(CREATE, { e: encounters[patient], items });
  return createPrescription.id;
}

const findings = (r: GqlResult) => r.errors[0]?.extensions?.findings as { key: string; level: string; kind: string }[];
const statusOf = async (id: string) => (await f.db.database.query<{ status: string }>('select status from care.prescription where id = $1', [id]))[0]!.status;
const finalisedEvents = async (id: string) => (await f.events(Topics.prescriptionFinalised)).filter((e) => e.entity_id === id);

describe('safety checks at finalise', () => {
  it('blocks a medicine the patient is severely allergic to (penicillin class), writing nothing', async () => {
    const id = await draft(0, 'amoxicillin');
    const result = await f.doctor.request(FINALISE, { id, a: [{ findingKey: 'allergy:penicillin:amoxicillin', reason: 'I know best here' }] });
    expect(result.errors[0]!.extensions).toMatchObject({ code: 'INVALID_STATE', rule: 'PRESCRIPTION_SAFETY_BLOCK' });
    expect(findings(result)).toEqual([expect.objectContaining({ kind: 'allergy', level: 'block', key: 'allergy:penicillin:amoxicillin' })]);
    expect(await statusOf(id)).toBe('draft');
    expect(await f.count('care.safety_acknowledgement', 'prescription_id = $1', [id])).toBe(0);
    expect(await finalisedEvents(id)).toHaveLength(0);
  });

  it('needs an acknowledgement with a reason for a mild allergy, then keeps it', async () => {
    const id = await draft(1, 'ibuprofen');
    const bare = await f.doctor.request(FINALISE, { id });
    expect(bare.errors[0]!.extensions!.rule).toBe('ACKNOWLEDGEMENT_REQUIRED');
    const key = findings(bare)[0]!.key;
    expect(key).toBe('allergy:ibuprofen:ibuprofen');
    expect(codeOf(await f.doctor.request(FINALISE, { id, a: [{ findingKey: key, reason: 'ok' }] }))).toBe('BAD_USER_INPUT');
    expect(await statusOf(id)).toBe('draft');
    const { finalisePrescription } = await f.doctor.data<{ finalisePrescription: any }>(FINALISE, {
      id,
      a: [{ findingKey: key, reason: 'Mild rash only; patient tolerated it last year' }],
    });
    expect(finalisePrescription.status).toBe('FINALISED');
    expect(finalisePrescription.acknowledgements).toEqual([{ findingKey: key, reason: 'Mild rash only; patient tolerated it last year' }]);
    const [event] = await finalisedEvents(id);
    expect(event!.payload.items).toEqual([expect.objectContaining({ genericName: 'ibuprofen', quantity: 20 })]);
  });

  it('needs an acknowledgement for a major interaction within the prescription', async () => {
    const id = await draft(2, 'warfarin', 'naproxen');
    const { prescriptionSafetyCheck } = await f.doctor.data<{ prescriptionSafetyCheck: { key: string; level: string; severity: string }[] }>(CHECK, { id });
    expect(prescriptionSafetyCheck).toEqual([expect.objectContaining({ key: 'interaction:naproxen+warfarin', level: 'WARNING', severity: 'major' })]);
    const bare = await f.doctor.request(FINALISE, { id });
    expect(bare.errors[0]!.extensions!.rule).toBe('ACKNOWLEDGEMENT_REQUIRED');
    expect(await statusOf(id)).toBe('draft');
    await f.doctor.data(FINALISE, { id, a: [{ findingKey: 'interaction:naproxen+warfarin', reason: 'Short course, INR check on day 3' }] });
    expect(await statusOf(id)).toBe('finalised');
  });

  it('checks against the patient’s other live prescriptions too', async () => {
    const id = await draft(2, 'aspirin');
    const bare = await f.doctor.request(FINALISE, { id });
    expect(findings(bare).map((x) => x.key)).toEqual(expect.arrayContaining(['interaction:aspirin+warfarin', 'interaction:aspirin+naproxen']));
  });

  it('lets a minor interaction through without acknowledgement', async () => {
    const id = await draft(2, 'paracetamol');
    const { prescriptionSafetyCheck } = await f.doctor.data<{ prescriptionSafetyCheck: { level: string }[] }>(CHECK, { id });
    expect(prescriptionSafetyCheck.map((x) => x.level)).toEqual(['INFO']);
    await f.doctor.data(FINALISE, { id });
    expect(await statusOf(id)).toBe('finalised');
  });

  it('blocks a contraindicated combination even when acknowledged', async () => {
    const id = await draft(1, 'simvastatin', 'clarithromycin');
    const result = await f.doctor.request(FINALISE, { id, a: [{ findingKey: 'interaction:clarithromycin+simvastatin', reason: 'Acknowledged, proceed' }] });
    expect(result.errors[0]!.extensions).toMatchObject({ code: 'INVALID_STATE', rule: 'PRESCRIPTION_SAFETY_BLOCK' });
    expect(await statusOf(id)).toBe('draft');
  });

  it('fails closed when the allergy record cannot be read', async () => {
    const id = await draft(2, 'cefalexin');
    process.env.CLINIGRAPH_PEOPLE_URL = 'http://127.0.0.1:9/graphql';
    try {
      const result = await f.doctor.request(FINALISE, { id });
      expect(result.errors[0]!.extensions).toMatchObject({ code: 'INVALID_STATE', rule: 'SAFETY_DATA_UNAVAILABLE', service: 'people' });
    } finally {
      delete process.env.CLINIGRAPH_PEOPLE_URL;
    }
    expect(await statusOf(id)).toBe('draft');
  });

  it('takes medicines only from supply’s catalogue, and only doctors prescribe', async () => {
    const unknown = await f.doctor.request(CREATE, {
      e: encounters[0],
      items: [{ itemId: '00000000-0000-4000-8000-000000000001', dose: '1', route: 'ORAL', frequency: 'daily', durationDays: 1, quantity: 1 }],
    });
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(codeOf(await f.nurse.request(CREATE, { e: encounters[0] }))).toBe('FORBIDDEN');
    const empty = await f.doctor.data<{ createPrescription: { id: string } }>(CREATE, { e: encounters[0] });
    expect((await f.doctor.request(FINALISE, { id: empty.createPrescription.id })).errors[0]!.extensions!.rule).toBe('PRESCRIPTION_EMPTY');
  });
});
