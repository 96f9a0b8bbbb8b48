import type { GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { collect, liveConnections } from '../scheduling-live/live-client.ts';
import { clinic, cursorNow } from './clinic.ts';

/**
 * The pharmacy's dispense queue and the lab's worklist follow care's events live through the
 * gateway's own /graphql socket: prescription.finalised and lab_order.changed, each resolved with
 * the subscriber's identity, and only for the staff who may read the queue.
 */
let stack: TestStack;
let doctor: GqlClient;
let steps: ReturnType<typeof clinic>;
const connect = liveConnections(() => stack.gateway.url);

beforeAll(async () => {
  stack = await startTestStack();
  doctor = await stack.as('doctor');
  steps = clinic(stack, doctor);
});
afterAll(() => stack?.stop());

const james = () => stack.seed.patientIds[1]!;

const FINALISED = `subscription($after: String, $facilityId: ID) {
  prescriptionFinalised(after: $after, facilityId: $facilityId) { cursor prescription { id status patient { displayName } items { medicineName quantity } } }
}`;
type Finalised = { prescriptionFinalised: { cursor: string; prescription: { id: string; status: string; patient: { displayName: string } } } };

const LAB = `subscription($after: String) {
  labOrderChanged(after: $after) { cursor status previousStatus labOrder { id status patient { displayName } items { testCode } } }
}`;
type LabChanged = {
  labOrderChanged: { status: string; previousStatus: string | null; labOrder: { id: string; status: string; patient: { displayName: string } } };
};

const refusal = async (client: GqlClient, query: string) => {
  const live = collect(connect(client), query, {});
  await live.settle(400);
  return { results: live.results, failures: JSON.stringify(live.failures) };
};

describe('the dispense queue, live', () => {
  it('delivers each finalised prescription to the pharmacist, with federated fields, at their facility only', async () => {
    const pharmacist = await stack.as('pharmacist');
    const after = await cursorNow(stack);
    const here = collect<Finalised>(connect(pharmacist), FINALISED, { after, facilityId: stack.seed.facilityId });
    const elsewhere = collect<Finalised>(connect(pharmacist), FINALISED, { after, facilityId: '00000000-0000-4000-8000-000000000000' });
    const rx = await steps.prescribe(james(), 'paracetamol');
    await here.waitFor(1);
    await here.settle();
    expect(here.results.map((r) => r.data?.prescriptionFinalised.prescription)).toEqual([
      { id: rx, status: 'FINALISED', patient: { displayName: 'James Chen' }, items: [{ medicineName: expect.any(String), quantity: 12 }] },
    ]);
    expect(elsewhere.results).toEqual([]);
  });

  it('refuses patients and staff outside pharmacy and clinical care', async () => {
    for (const who of [await stack.as({ email: 'maria@example.com' }), await stack.as('receptionist'), await stack.as('billing'), await stack.as('lab')]) {
      const { results, failures } = await refusal(who, FINALISED);
      expect(results).toEqual([]);
      expect(failures).toContain('FORBIDDEN');
    }
  });
});

describe('the lab worklist, live', () => {
  it('follows an order from ordered to released, each step as it happens', async () => {
    const lab = await stack.as('lab');
    const nurse = await stack.as('nurse');
    const live = collect<LabChanged>(connect(lab), LAB, { after: await cursorNow(stack) });
    const order = await steps.orderLab(james(), ['CRP']);
    await nurse.data('mutation($id: ID!) { collectLabSample(orderId: $id, specimen: "Serum") { id } }', { id: order.id });
    await lab.data('mutation($id: ID!) { receiveLabOrder(id: $id) { id } }', { id: order.id });
    await lab.data('mutation($i: ID!) { enterLabResult(orderItemId: $i, value: 3) { id } }', { i: order.itemIds[0] });
    await lab.data('mutation($id: ID!) { verifyLabOrder(id: $id) { id } }', { id: order.id });
    await lab.data('mutation($id: ID!) { releaseLabOrder(id: $id) { id } }', { id: order.id });
    await live.waitFor(6);
    await live.settle();
    const changes = live.results.map((r) => r.data?.labOrderChanged);
    expect(changes.map((s) => [s?.previousStatus, s?.status])).toEqual([
      [null, 'ORDERED'],
      ['ORDERED', 'COLLECTED'],
      ['COLLECTED', 'RECEIVED'],
      ['RECEIVED', 'RESULTED'],
      ['RESULTED', 'VERIFIED'],
      ['VERIFIED', 'RELEASED'],
    ]);
    expect(changes.every((s) => s?.labOrder.id === order.id && s.labOrder.patient.displayName === 'James Chen')).toBe(true);
  });

  it('refuses patients and staff outside the lab and clinical care', async () => {
    for (const who of [await stack.as({ email: 'maria@example.com' }), await stack.as('pharmacist'), await stack.as('receptionist')]) {
      const { results, failures } = await refusal(who, LAB);
      expect(results).toEqual([]);
      expect(failures).toContain('FORBIDDEN');
    }
  });
});
