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

const VERIFY = 'mutation($id: ID!) { verifyLabOrder(id: $id) { status } }';
const POLICY = 'mutation($f: ID!, $on: Boolean!) { setFacilityLabPolicy(facilityId: $f, singlePersonLab: $on) { id singlePersonLab } }';
const READ_POLICY = 'query($f: ID!) { _entities(representations: [{ __typename: "Facility", id: $f }]) { ... on Facility { singlePersonLab } } }';

/** A received CRP order with a result entered by the first lab member. */
async function resultedOrder(): Promise<string> {
  const { orderLabTests } = await f.doctor.data<{ orderLabTests: { id: string; items: { id: string }[] } }>(
    'mutation($e: ID!) { orderLabTests(encounterId: $e, tests: ["CRP"]) { id items { id } } }',
    { e: encounterId },
  );
  await f.nurse.data('mutation($id: ID!) { collectLabSample(orderId: $id, specimen: "Serum") { id } }', { id: orderLabTests.id });
  await f.lab.data('mutation($id: ID!) { receiveLabOrder(id: $id) { id } }', { id: orderLabTests.id });
  await f.lab.data('mutation($i: ID!) { enterLabResult(orderItemId: $i, value: 4) { id } }', { i: orderLabTests.items[0]!.id });
  return orderLabTests.id;
}

describe('four eyes on lab results', () => {
  it('refuses verification by the person who entered a result, and lets a second lab member verify', async () => {
    const id = await resultedOrder();
    const refused = await f.lab.request(VERIFY, { id });
    expect(refused.errors[0]).toMatchObject({
      message: 'You entered a result on this order, so another member of the lab must verify it (four eyes).',
      extensions: { code: 'INVALID_STATE', rule: 'LAB_FOUR_EYES' },
    });
    expect(await f.count('care.lab_order', 'id = $1 and verified_at is null', [id])).toBe(1);
    expect((await f.lab2.data<{ verifyLabOrder: { status: string } }>(VERIFY, { id })).verifyLabOrder.status).toBe('VERIFIED');
  });

  it('lets one person enter and verify where an admin allows a single-person lab, and only an admin may allow it', async () => {
    const facility = f.seed.facilityId;
    expect(codeOf(await f.lab.request(POLICY, { f: facility, on: true }))).toBe('FORBIDDEN');
    const { _entities } = await f.lab.data<{ _entities: { singlePersonLab: boolean }[] }>(READ_POLICY, { f: facility });
    expect(_entities).toEqual([{ singlePersonLab: false }]);
    expect((await f.admin.data<{ setFacilityLabPolicy: unknown }>(POLICY, { f: facility, on: true })).setFacilityLabPolicy).toEqual({
      id: facility,
      singlePersonLab: true,
    });
    const id = await resultedOrder();
    expect((await f.lab.data<{ verifyLabOrder: { status: string } }>(VERIFY, { id })).verifyLabOrder.status).toBe('VERIFIED');
    await f.admin.data(POLICY, { f: facility, on: false });
    expect(codeOf(await f.lab.request(VERIFY, { id: await resultedOrder() }))).toBe('INVALID_STATE');
  });
});
