import { Topics } from '@clinigraph/kit';
import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareFixture, startCareFixture } from '../testing/fixture.ts';

let f: CareFixture;
let encounterId: string;
beforeAll(async () => {
  f = await startCareFixture();
  encounterId = await f.consultation(1);
});
afterAll(() => f?.close());

const ORDER = 'mutation($e: ID!, $t: [String!]!) { orderLabTests(encounterId: $e, tests: $t, priority: URGENT) { id status items { id testCode } } }';
const RESULT =
  'mutation($i: ID!, $v: Float, $t: String, $r: String) { enterLabResult(orderItemId: $i, value: $v, text: $t, correctionReason: $r) { version flag value } }';
const READ = 'query($id: ID!) { labOrder(id: $id) { status items { testCode result { version value flag } versions { version value correctionReason } } } }';

type Order = { id: string; items: { id: string; testCode: string }[] };

async function receivedOrder(...tests: string[]): Promise<Order> {
  const { orderLabTests } = await f.doctor.data<{ orderLabTests: Order }>(ORDER, { e: encounterId, t: tests });
  await f.nurse.data('mutation($id: ID!) { collectLabSample(orderId: $id, specimen: "Venous blood, EDTA") { status } }', { id: orderLabTests.id });
  await f.lab.data('mutation($id: ID!) { receiveLabOrder(id: $id) { status } }', { id: orderLabTests.id });
  return orderLabTests;
}
const item = (o: Order, code: string) => o.items.find((i) => i.testCode === code)!.id;

describe('lab orders', () => {
  it('runs order → collect → receive → result → verify → release, with flags from the reference ranges', async () => {
    const order = await receivedOrder('HGB', 'WBC', 'UA');
    expect((await f.lab.data<{ enterLabResult: { flag: string } }>(RESULT, { i: item(order, 'HGB'), v: 10.2 })).enterLabResult.flag).toBe('LOW');
    expect((await f.lab.data<{ enterLabResult: { flag: string } }>(RESULT, { i: item(order, 'WBC'), v: 7.1 })).enterLabResult.flag).toBe('NORMAL');
    const early = await f.lab.request('mutation($id: ID!) { verifyLabOrder(id: $id) { status } }', { id: order.id });
    expect(early.errors[0]!.extensions).toMatchObject({ code: 'INVALID_STATE', rule: 'LAB_ORDER_WRONG_STATE' });
    await f.lab.data(RESULT, { i: item(order, 'UA'), t: 'Negative for protein, glucose, blood' });
    await f.lab2.data('mutation($id: ID!) { verifyLabOrder(id: $id) { status } }', { id: order.id });
    const james = await f.patient(1);
    expect(codeOf(await james.request(READ, { id: order.id }))).toBe('NOT_FOUND');
    await f.doctor.data('mutation($id: ID!) { releaseLabOrder(id: $id) { status } }', { id: order.id });
    // The low haemoglobin waits for the ordering doctor to see it before James does (result-review.test.ts).
    expect(codeOf(await james.request(READ, { id: order.id }))).toBe('NOT_FOUND');
    await f.doctor.data('mutation($id: ID!) { markLabResultsSeen(id: $id) { id } }', { id: order.id });
    const own = await james.data<{ labOrder: { status: string; items: { result: { flag: string } }[] } }>(
      'query($id: ID!) { labOrder(id: $id) { status items { result { flag } } } }',
      { id: order.id },
    );
    expect(own.labOrder.status).toBe('RELEASED');
    const [released] = (await f.events(Topics.labOrderReleased)).filter((e) => e.entity_id === order.id);
    expect(released!.payload.tests.map((t: { code: string }) => t.code).sort()).toEqual(['HGB', 'UA', 'WBC']);
  });

  it('keeps the previous version when a result is corrected, and needs a reason', async () => {
    const order = await receivedOrder('NA');
    await f.lab.data(RESULT, { i: item(order, 'NA'), v: 139 });
    expect(codeOf(await f.lab.request(RESULT, { i: item(order, 'NA'), v: 131 }))).toBe('BAD_USER_INPUT');
    await f.lab2.data('mutation($id: ID!) { verifyLabOrder(id: $id) { status } }', { id: order.id });
    const { enterLabResult } = await f.lab.data<{ enterLabResult: { version: number; flag: string } }>(RESULT, {
      i: item(order, 'NA'),
      v: 131,
      r: 'Sample was haemolysed; repeated',
    });
    expect(enterLabResult).toEqual({ version: 2, flag: 'LOW', value: 131 });
    const { labOrder } = await f.doctor.data<{ labOrder: any }>(READ, { id: order.id });
    expect(labOrder.status).toBe('RESULTED');
    expect(labOrder.items[0].result).toEqual({ version: 2, value: 131, flag: 'LOW' });
    expect(labOrder.items[0].versions).toEqual([
      { version: 1, value: 139, correctionReason: null },
      { version: 2, value: 131, correctionReason: 'Sample was haemolysed; repeated' },
    ]);
    await expect(f.db.database.exec('update care.lab_result set value_numeric = 0')).rejects.toThrow(/keeps every version/);
  });

  it('raises lab_result.critical for the ordering doctor when the lab verifies a critical value, not when it is entered', async () => {
    const order = await receivedOrder('K', 'GLU');
    await f.lab.data(RESULT, { i: item(order, 'GLU'), v: 5.0 });
    const { enterLabResult } = await f.lab.data<{ enterLabResult: { flag: string } }>(RESULT, { i: item(order, 'K'), v: 6.9 });
    expect(enterLabResult.flag).toBe('CRITICAL_HIGH');
    expect(await f.events(Topics.labResultCritical)).toHaveLength(0);
    await f.lab2.data('mutation($id: ID!) { verifyLabOrder(id: $id) { status } }', { id: order.id });
    const events = await f.events(Topics.labResultCritical);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      provider_id: f.seed.providerIds[0],
      patient_id: f.seed.patientIds[1],
      payload: { orderId: order.id, orderItemId: item(order, 'K'), testCode: 'K', value: 6.9, flag: 'critical_high', unit: 'mmol/L', version: 1 },
    });
    await f.doctor.data('mutation($id: ID!) { releaseLabOrder(id: $id) { status } }', { id: order.id });
    expect(await f.events(Topics.labResultCritical)).toHaveLength(1);
  });

  it('raises lab_order.changed for every step of an order and every result entered, in the same transaction', async () => {
    const order = await receivedOrder('CRP');
    await f.lab.data(RESULT, { i: item(order, 'CRP'), v: 3 });
    await f.lab2.data('mutation($id: ID!) { verifyLabOrder(id: $id) { status } }', { id: order.id });
    await f.lab.data('mutation($id: ID!) { releaseLabOrder(id: $id) { status } }', { id: order.id });
    await f.lab.data(RESULT, { i: item(order, 'CRP'), v: 4, r: 'Recalibrated analyser' });
    const events = (await f.events(Topics.labOrderChanged)).filter((e) => e.entity_id === order.id);
    expect(events.map((e) => [e.payload.previousStatus, e.payload.status])).toEqual([
      [null, 'ordered'],
      ['ordered', 'collected'],
      ['collected', 'received'],
      ['received', 'resulted'],
      ['resulted', 'verified'],
      ['verified', 'released'],
      ['released', 'resulted'],
    ]);
    expect(events.every((e) => e.provider_id === f.seed.providerIds[0] && e.patient_id === f.seed.patientIds[1])).toBe(true);
    const refused = await f.lab.request('mutation($id: ID!) { receiveLabOrder(id: $id) { status } }', { id: order.id });
    expect(codeOf(refused)).toBe('INVALID_STATE');
    expect((await f.events(Topics.labOrderChanged)).filter((e) => e.entity_id === order.id)).toHaveLength(7);
  });

  it('enforces who does what: nurses collect, lab staff enter results, doctors order', async () => {
    const { orderLabTests } = await f.doctor.data<{ orderLabTests: Order }>(ORDER, { e: encounterId, t: ['CRP'] });
    expect(codeOf(await f.nurse.request(ORDER, { e: encounterId, t: ['CRP'] }))).toBe('FORBIDDEN');
    expect(codeOf(await f.receptionist.request('mutation($id: ID!) { collectLabSample(orderId: $id, specimen: "x") { id } }', { id: orderLabTests.id }))).toBe(
      'FORBIDDEN',
    );
    await f.nurse.data('mutation($id: ID!) { collectLabSample(orderId: $id, specimen: "Serum") { id } }', { id: orderLabTests.id });
    await f.lab.data('mutation($id: ID!) { receiveLabOrder(id: $id) { id } }', { id: orderLabTests.id });
    expect(codeOf(await f.doctor.request(RESULT, { i: orderLabTests.items[0]!.id, v: 3 }))).toBe('FORBIDDEN');
    expect(codeOf(await f.doctor.request(ORDER, { e: encounterId, t: ['NOPE'] }))).toBe('BAD_USER_INPUT');
  });
});

describe('radiology', () => {
  it('reports, verifies, and keeps a corrected report’s earlier version', async () => {
    const { orderImaging } = await f.doctor.data<{ orderImaging: { id: string } }>(
      'mutation($e: ID!) { orderImaging(encounterId: $e, modality: XRAY, bodyPart: "Chest PA") { id } }',
      { e: encounterId },
    );
    const REPORT =
      'mutation($id: ID!, $f: String!, $i: String!, $r: String) { reportImaging(orderId: $id, findings: $f, impression: $i, correctionReason: $r) { status } }';
    await f.doctor2.data(REPORT, { id: orderImaging.id, f: 'Clear lung fields.', i: 'Normal chest.' });
    const james = await f.patient(1);
    const VIEW = 'query($id: ID!) { radiologyOrder(id: $id) { status report { version impression } } }';
    expect(codeOf(await james.request(VIEW, { id: orderImaging.id }))).toBe('NOT_FOUND');
    await f.doctor.data('mutation($id: ID!) { verifyImagingReport(id: $id) { status } }', { id: orderImaging.id });
    expect((await james.data<{ radiologyOrder: any }>(VIEW, { id: orderImaging.id })).radiologyOrder).toEqual({
      status: 'VERIFIED',
      report: { version: 1, impression: 'Normal chest.' },
    });
    expect(codeOf(await f.doctor2.request(REPORT, { id: orderImaging.id, f: 'Small nodule right apex.', i: 'Nodule; CT advised.' }))).toBe('BAD_USER_INPUT');
    await f.doctor2.data(REPORT, { id: orderImaging.id, f: 'Small nodule right apex.', i: 'Nodule; CT advised.', r: 'Second read found a nodule' });
    const { radiologyOrder } = await f.doctor.data<{ radiologyOrder: any }>(
      'query($id: ID!) { radiologyOrder(id: $id) { status reportVersions { version impression } } }',
      { id: orderImaging.id },
    );
    expect(radiologyOrder).toEqual({
      status: 'REPORTED',
      reportVersions: [
        { version: 1, impression: 'Normal chest.' },
        { version: 2, impression: 'Nodule; CT advised.' },
      ],
    });
  });
});
