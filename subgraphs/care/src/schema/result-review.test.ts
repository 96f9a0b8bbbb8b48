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

const DELAY = 'mutation($f: ID!, $h: Int!) { setFacilityLabPolicy(facilityId: $f, patientResultDelayHours: $h) { id patientResultDelayHours } }';
const SEEN = 'mutation($id: ID!) { markLabResultsSeen(id: $id) { id reviewedAt patientVisibleFrom } }';
const INBOX = '{ labResultsToReview { id items { testCode } } }';
const MINE = 'query($p: ID!) { _entities(representations: [{ __typename: "Patient", id: $p }]) { ... on Patient { labOrders { id } } } }';

/** A CRP order taken to released, with the value given (the reference range is 0–5 mg/L). */
async function releasedCrp(value: number): Promise<string> {
  const { orderLabTests } = await f.doctor.data<{ orderLabTests: { id: string; items: { id: string }[] } }>(
    'mutation($e: ID!) { orderLabTests(encounterId: $e, tests: ["CRP"]) { id items { id } } }',
    { e: encounterId },
  );
  const id = orderLabTests.id;
  await f.nurse.data('mutation($id: ID!) { collectLabSample(orderId: $id, specimen: "Serum") { id } }', { id });
  await f.lab.data('mutation($id: ID!) { receiveLabOrder(id: $id) { id } }', { id });
  await f.lab.data('mutation($i: ID!, $v: Float!) { enterLabResult(orderItemId: $i, value: $v) { id } }', { i: orderLabTests.items[0]!.id, v: value });
  await f.lab2.data('mutation($id: ID!) { verifyLabOrder(id: $id) { id } }', { id });
  await f.lab2.data('mutation($id: ID!) { releaseLabOrder(id: $id) { id } }', { id });
  return id;
}

const patientSees = async (id: string) => {
  const { _entities } = await (await f.patient(1)).data<{ _entities: { labOrders: { id: string }[] }[] }>(MINE, { p: f.seed.patientIds[1] });
  return _entities[0]!.labOrders.some((o) => o.id === id);
};

describe('an abnormal result reaches the patient only after the ordering doctor has seen it', () => {
  it('a normal result reaches the patient as soon as it is released', async () => {
    expect(await patientSees(await releasedCrp(3))).toBe(true);
  });

  it('an abnormal one waits in the doctor’s inbox, and the patient sees it once the doctor marks it seen', async () => {
    const id = await releasedCrp(48);
    expect(await patientSees(id)).toBe(false);
    expect(codeOf(await (await f.patient(1)).request('query($id: ID!) { labOrder(id: $id) { id } }', { id }))).toBe('NOT_FOUND');
    const { labResultsToReview } = await f.doctor.data<{ labResultsToReview: { id: string }[] }>(INBOX);
    expect(labResultsToReview.map((o) => o.id)).toContain(id);
    // Another doctor's inbox does not hold it; a nurse cannot mark it seen.
    expect((await f.doctor2.data<{ labResultsToReview: { id: string }[] }>(INBOX)).labResultsToReview.map((o) => o.id)).not.toContain(id);
    expect(codeOf(await f.nurse.request(SEEN, { id }))).toBe('FORBIDDEN');

    const { markLabResultsSeen } = await f.doctor.data<{ markLabResultsSeen: { reviewedAt: string; patientVisibleFrom: string } }>(SEEN, { id });
    expect(Date.parse(markLabResultsSeen.patientVisibleFrom)).toBeLessThanOrEqual(Date.now());
    expect(await patientSees(id)).toBe(true);
    expect((await f.doctor.data<{ labResultsToReview: { id: string }[] }>(INBOX)).labResultsToReview.map((o) => o.id)).not.toContain(id);
  });

  it('waits at most the delay the facility sets', async () => {
    const held = await releasedCrp(60);
    expect(await f.count('care.lab_order', "id = $1 and patient_visible_from - released_at = interval '72 hours'", [held])).toBe(1);
    expect(codeOf(await f.lab.request(DELAY, { f: f.seed.facilityId, h: 0 }))).toBe('FORBIDDEN');
    expect(codeOf(await f.admin.request(DELAY, { f: f.seed.facilityId, h: 10_000 }))).toBe('BAD_USER_INPUT');
    await f.admin.data(DELAY, { f: f.seed.facilityId, h: 0 });
    expect(await patientSees(await releasedCrp(70))).toBe(true);
  });
});
