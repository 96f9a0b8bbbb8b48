import { codeOf, type GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareFixture, startCareFixture } from '../testing/fixture.ts';

let f: CareFixture;
let encounterId: string;
beforeAll(async () => {
  f = await startCareFixture();
  encounterId = await f.consultation(1);
});
afterAll(() => f?.close());

const RESULT = 'mutation($i: ID!, $v: Float, $r: String) { enterLabResult(orderItemId: $i, value: $v, correctionReason: $r) { id flag } }';
const VERIFY = 'mutation($id: ID!) { verifyLabOrder(id: $id) { status } }';
const ACK = 'mutation($id: ID!) { acknowledgeCriticalResult(resultId: $id) { id testCode value flag acknowledgedAt acknowledgedBy } }';
const PENDING = '{ unacknowledgedCriticalResults { id testCode value flag verifiedAt acknowledgedAt patient { id } labOrder { id } orderingProvider { id } } }';

type Ack = { id: string; testCode: string; value: number; flag: string; acknowledgedAt: string | null; acknowledgedBy: string | null };

/** An order by the first doctor for James, sampled and received, with one potassium result entered (not verified). */
async function resultedPotassium(value: number): Promise<{ orderId: string; itemId: string; resultId: string }> {
  const { orderLabTests } = await f.doctor.data<{ orderLabTests: { id: string; items: { id: string }[] } }>(
    'mutation($e: ID!) { orderLabTests(encounterId: $e, tests: ["K"], priority: STAT) { id items { id } } }',
    { e: encounterId },
  );
  await f.nurse.data('mutation($id: ID!) { collectLabSample(orderId: $id, specimen: "Lithium heparin") { id } }', { id: orderLabTests.id });
  await f.lab.data('mutation($id: ID!) { receiveLabOrder(id: $id) { id } }', { id: orderLabTests.id });
  const itemId = orderLabTests.items[0]!.id;
  const { enterLabResult } = await f.lab.data<{ enterLabResult: { id: string } }>(RESULT, { i: itemId, v: value });
  return { orderId: orderLabTests.id, itemId, resultId: enterLabResult.id };
}

async function verifiedCritical(value = 6.9) {
  const order = await resultedPotassium(value);
  await f.lab2.data(VERIFY, { id: order.orderId });
  return order;
}

const pending = async (client: GqlClient) =>
  (await client.data<{ unacknowledgedCriticalResults: { id: string }[] }>(PENDING)).unacknowledgedCriticalResults.map((r) => r.id);
const acks = (resultId: string) => f.count('care.critical_result_acknowledgement', 'lab_result_id = $1', [resultId]);
const ackAudits = (resultId: string) => f.count('audit.event', "entity_type = 'CriticalResultAcknowledgement' and entity_id = $1", [resultId]);

describe('critical results waiting for the ordering doctor', () => {
  it('lists a critical value once the lab verifies it, to the ordering doctor only, and drops it once acknowledged', async () => {
    const order = await resultedPotassium(7.2);
    expect(await pending(f.doctor)).not.toContain(order.resultId);
    await f.lab2.data(VERIFY, { id: order.orderId });

    const { unacknowledgedCriticalResults } = await f.doctor.data<{ unacknowledgedCriticalResults: any[] }>(PENDING);
    expect(unacknowledgedCriticalResults.find((r) => r.id === order.resultId)).toEqual({
      id: order.resultId,
      testCode: 'K',
      value: 7.2,
      flag: 'CRITICAL_HIGH',
      verifiedAt: expect.any(String),
      acknowledgedAt: null,
      patient: { id: f.seed.patientIds[1] },
      labOrder: { id: order.orderId },
      orderingProvider: { id: f.seed.providerIds[0] },
    });
    expect(await pending(f.doctor2)).not.toContain(order.resultId);

    const { acknowledgeCriticalResult } = await f.doctor.data<{ acknowledgeCriticalResult: Ack }>(ACK, { id: order.resultId });
    expect(acknowledgeCriticalResult).toMatchObject({ id: order.resultId, testCode: 'K', value: 7.2, acknowledgedAt: expect.any(String) });
    expect(await pending(f.doctor)).not.toContain(order.resultId);
    const [audit] = await f.db.database.query<{ actor_id: string; patient_id: string; action: string }>(
      "select actor_id::text, patient_id::text, action from audit.event where entity_type = 'CriticalResultAcknowledgement' and entity_id = $1",
      [order.resultId],
    );
    expect(audit).toEqual({ actor_id: acknowledgeCriticalResult.acknowledgedBy, patient_id: f.seed.patientIds[1], action: 'create' });
  });

  it('drops a critical value that a correction replaced, and lists the corrected one when it is verified again and still critical', async () => {
    const first = await verifiedCritical(7.0);
    expect(await pending(f.doctor)).toContain(first.resultId);
    const { enterLabResult } = await f.lab.data<{ enterLabResult: { id: string } }>(RESULT, { i: first.itemId, v: 7.4, r: 'Repeat sample confirmed' });
    expect(await pending(f.doctor)).not.toContain(first.resultId);
    await f.lab2.data(VERIFY, { id: first.orderId });
    expect(await pending(f.doctor)).toContain(enterLabResult.id);
  });

  it('lists only for doctors with a provider record; patients, nurses and lab staff are refused', async () => {
    const james = await f.patient(1);
    for (const client of [james, f.nurse, f.lab, f.pharmacist]) expect(codeOf(await client.request(PENDING))).toBe('FORBIDDEN');
    expect(codeOf(await f.admin.request(PENDING))).toBe('FORBIDDEN');
  });
});

describe('acknowledging a critical result', () => {
  it('is idempotent: concurrent and repeated acknowledgements record one, the first, and audit it once', async () => {
    const { resultId } = await verifiedCritical();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? f.nurse : f.doctor).data<{ acknowledgeCriticalResult: Ack }>(ACK, { id: resultId })),
    );
    const recorded = new Set(answers.map((a) => `${a.acknowledgeCriticalResult.acknowledgedBy}@${a.acknowledgeCriticalResult.acknowledgedAt}`));
    expect(recorded.size).toBe(1);
    expect(await acks(resultId)).toBe(1);
    expect(await ackAudits(resultId)).toBe(1);
    const again = await f.doctor2.data<{ acknowledgeCriticalResult: Ack }>(ACK, { id: resultId });
    expect(`${again.acknowledgeCriticalResult.acknowledgedBy}@${again.acknowledgeCriticalResult.acknowledgedAt}`).toBe([...recorded][0]);
    expect(await ackAudits(resultId)).toBe(1);
  });

  it('may be done by a nurse for the ordering doctor, which clears the doctor’s list', async () => {
    const { resultId } = await verifiedCritical();
    await f.nurse.data(ACK, { id: resultId });
    expect(await pending(f.doctor)).not.toContain(resultId);
  });

  it('refuses patients and non-clinical staff (admins included) and writes nothing', async () => {
    const { resultId } = await verifiedCritical();
    const james = await f.patient(1);
    for (const client of [james, f.lab, f.pharmacist, f.receptionist, f.admin]) expect(codeOf(await client.request(ACK, { id: resultId }))).toBe('FORBIDDEN');
    expect(await acks(resultId)).toBe(0);
    expect(await pending(f.doctor)).toContain(resultId);
  });

  it('answers NOT_FOUND for an unknown or malformed id and INVALID_STATE for a result that is not critical', async () => {
    expect(codeOf(await f.doctor.request(ACK, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    expect(codeOf(await f.doctor.request(ACK, { id: 'not-an-id' }))).toBe('NOT_FOUND');
    const normal = await resultedPotassium(4.2);
    const refused = await f.doctor.request(ACK, { id: normal.resultId });
    expect(refused.errors[0]!.extensions).toMatchObject({ code: 'INVALID_STATE', rule: 'RESULT_NOT_CRITICAL' });
    expect(await acks(normal.resultId)).toBe(0);
  });

  it('is kept by the database: only for a critical result, and never changed or removed', async () => {
    const normal = await resultedPotassium(4.0);
    await expect(
      f.db.database.exec(`insert into care.critical_result_acknowledgement (lab_result_id, acknowledged_by) values ('${normal.resultId}', gen_random_uuid())`),
    ).rejects.toThrow(/only a critical lab result/);
    const { resultId } = await verifiedCritical();
    await f.doctor.data(ACK, { id: resultId });
    await expect(f.db.database.exec('update care.critical_result_acknowledgement set acknowledged_at = now()')).rejects.toThrow(/is not allowed/);
    await expect(f.db.database.exec('delete from care.critical_result_acknowledgement')).rejects.toThrow(/is not allowed/);
  });
});
