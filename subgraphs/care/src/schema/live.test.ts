import { Topics } from '@clinigraph/kit';
import { codeOf, type GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareFixture, startCareFixture } from '../testing/fixture.ts';

/**
 * What the gateway's live feeds resolve each event with: `labOrderEvent` (lab worklist) and
 * `prescriptionFinalisedEvent` (dispense queue) authorise every event again, for the staff of that
 * queue only. James (patient 1) has an order and a finalised prescription.
 */
let f: CareFixture;
let james: GqlClient;
let labOrderId: string;
let prescriptionId: string;

beforeAll(async () => {
  f = await startCareFixture();
  james = await f.patient(1);
  const encounterId = await f.consultation(1);
  const { orderLabTests } = await f.doctor.data<{ orderLabTests: { id: string } }>(
    'mutation($e: ID!) { orderLabTests(encounterId: $e, tests: ["CRP"]) { id } }',
    {
      e: encounterId,
    },
  );
  labOrderId = orderLabTests.id;
  const item = { itemId: await f.medicine('paracetamol'), dose: '1 g', route: 'ORAL', frequency: 'every 6 hours', durationDays: 3, quantity: 12 };
  const { createPrescription } = await f.doctor.data<{ createPrescription: { id: string } }>(
    'mutation($e: ID!, $i: [PrescriptionItemInput!]) { createPrescription(encounterId: $e, items: $i) { id } }',
    { e: encounterId, i: [item] },
  );
  prescriptionId = createPrescription.id;
  await f.doctor.data('mutation($id: ID!) { finalisePrescription(id: $id) { id } }', { id: prescriptionId });
});
afterAll(() => f?.close());

const lastEvent = async (topic: string) =>
  (await f.db.database.query<{ id: string }>('select id::text from events.log where topic = $1 order by id desc limit 1', [topic]))[0]!.id;

const LAB = 'query($id: ID!) { labOrderEvent(id: $id) { cursor status previousStatus labOrder { id status } } }';
const RX = 'query($id: ID!) { prescriptionFinalisedEvent(id: $id) { cursor prescription { id status } } }';
const ENCOUNTER = 'query($id: ID!) { encounterEvent(id: $id) { cursor status previousStatus encounter { id status provider { id } } } }';

describe('live event queries', () => {
  it('resolve a lab order event for lab and clinical staff', async () => {
    const id = await lastEvent(Topics.labOrderChanged);
    for (const client of [f.lab, f.nurse, f.doctor]) {
      expect((await client.data<{ labOrderEvent: unknown }>(LAB, { id })).labOrderEvent).toEqual({
        cursor: id,
        status: 'ORDERED',
        previousStatus: null,
        labOrder: { id: labOrderId, status: 'ORDERED' },
      });
    }
  });

  it('resolve a finalised prescription for pharmacy and clinical staff', async () => {
    const id = await lastEvent(Topics.prescriptionFinalised);
    for (const client of [f.pharmacist, f.nurse, f.doctor]) {
      expect((await client.data<{ prescriptionFinalisedEvent: unknown }>(RX, { id })).prescriptionFinalisedEvent).toEqual({
        cursor: id,
        prescription: { id: prescriptionId, status: 'FINALISED' },
      });
    }
  });

  it('refuse patients, their own records included, and staff outside the queue', async () => {
    const lab = await lastEvent(Topics.labOrderChanged);
    const rx = await lastEvent(Topics.prescriptionFinalised);
    for (const client of [james, f.receptionist, f.pharmacist]) expect(codeOf(await client.request(LAB, { id: lab }))).toBe('FORBIDDEN');
    for (const client of [james, f.receptionist, f.lab]) expect(codeOf(await client.request(RX, { id: rx }))).toBe('FORBIDDEN');
  });

  it('resolve an encounter event for its own doctor, nurses and admins, auditing the read; another doctor gets NOT_FOUND, others FORBIDDEN', async () => {
    const id = await lastEvent(Topics.encounterChanged);
    const encounterId = (await f.events(Topics.encounterChanged)).at(-1)!.entity_id;
    const reads = () => f.count('audit.event', "service = 'care' and action = 'read' and entity_type = 'Encounter' and entity_id = $1", [encounterId]);
    const before = await reads();
    for (const client of [f.doctor, f.nurse, f.admin]) {
      expect((await client.data<{ encounterEvent: unknown }>(ENCOUNTER, { id })).encounterEvent).toEqual({
        cursor: id,
        status: 'IN_CONSULTATION',
        previousStatus: 'OPEN',
        encounter: { id: encounterId, status: 'IN_CONSULTATION', provider: { id: f.seed.providerIds[0] } },
      });
    }
    expect(await reads()).toBe(before + 3);
    expect(codeOf(await f.doctor2.request(ENCOUNTER, { id }))).toBe('NOT_FOUND');
    for (const client of [james, f.receptionist, f.pharmacist, f.lab]) expect(codeOf(await client.request(ENCOUNTER, { id }))).toBe('FORBIDDEN');
  });

  it('answer NOT_FOUND for a malformed id, a missing event, or an event of another topic', async () => {
    const rx = await lastEvent(Topics.prescriptionFinalised);
    expect(codeOf(await f.lab.request(LAB, { id: 'abc' }))).toBe('NOT_FOUND');
    expect(codeOf(await f.lab.request(LAB, { id: '999999999' }))).toBe('NOT_FOUND');
    expect(codeOf(await f.lab.request(LAB, { id: rx }))).toBe('NOT_FOUND');
  });
});
