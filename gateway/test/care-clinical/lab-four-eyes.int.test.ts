import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { clinic } from '../care-live/clinic.ts';

/**
 * Four eyes on lab results across the gateway: the facility's policy is read on people's facilities
 * (care resolves `singlePersonLab`), an admin turns the demo clinic's single-person lab off, and the
 * lab technician who entered a result can then no longer verify it.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const POLICIES = '{ facilities { id name singlePersonLab } }';

describe('four eyes on lab results, through the gateway', () => {
  it('follows the policy an admin sets on the facility', async () => {
    const admin = await stack.as('admin');
    const lab = await stack.as('lab');
    const nurse = await stack.as('nurse');
    const { facilities } = await admin.data<{ facilities: { id: string; singlePersonLab: boolean }[] }>(POLICIES);
    expect(facilities.find((f) => f.id === stack.seed.facilityId)?.singlePersonLab).toBe(true);
    await admin.data('mutation($f: ID!) { setFacilityLabPolicy(facilityId: $f, singlePersonLab: false) { id } }', { f: stack.seed.facilityId });
    const after = await admin.data<{ facilities: { id: string; name: string; singlePersonLab: boolean }[] }>(POLICIES);
    expect(after.facilities.find((f) => f.id === stack.seed.facilityId)).toMatchObject({ singlePersonLab: false, name: expect.any(String) });

    const order = await clinic(stack, await stack.as('doctor')).orderLab(stack.seed.patientIds[0]!, ['CRP']);
    await nurse.data('mutation($id: ID!) { collectLabSample(orderId: $id, specimen: "Serum") { id } }', { id: order.id });
    await lab.data('mutation($id: ID!) { receiveLabOrder(id: $id) { id } }', { id: order.id });
    await lab.data('mutation($i: ID!) { enterLabResult(orderItemId: $i, value: 4) { id } }', { i: order.itemIds[0] });
    const refused = await lab.request('mutation($id: ID!) { verifyLabOrder(id: $id) { status } }', { id: order.id });
    expect(codeOf(refused)).toBe('INVALID_STATE');
    expect(refused.errors[0]!.message).toContain('another member of the lab must verify it');
  });
});
