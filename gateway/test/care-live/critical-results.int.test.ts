import type { GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { collect, liveConnections } from '../scheduling-live/live-client.ts';
import { clinic, cursorNow } from './clinic.ts';

/**
 * A critical lab value reaches the ordering doctor live, through the gateway's own /graphql socket,
 * when the lab verifies it; the doctor's list of unacknowledged results holds it across a reload
 * until it is acknowledged.
 */
let stack: TestStack;
let okafor: GqlClient;
let lab: GqlClient;
let steps: ReturnType<typeof clinic>;
const connect = liveConnections(() => stack.gateway.url);

beforeAll(async () => {
  stack = await startTestStack();
  okafor = await stack.as('doctor');
  lab = await stack.as('lab');
  steps = clinic(stack, okafor);
});
afterAll(() => stack?.stop());

const SUBSCRIBE = `subscription($after: String) {
  criticalLabResults(after: $after) { cursor testCode value flag patient { displayName } labOrder { id } result { id acknowledgedAt } }
}`;
type Critical = {
  criticalLabResults: {
    cursor: string;
    testCode: string;
    value: number;
    flag: string;
    patient: { displayName: string };
    labOrder: { id: string };
    result: { id: string; acknowledgedAt: string | null };
  };
};
const PENDING = '{ unacknowledgedCriticalResults { id testCode value labOrder { id } } }';
const ACK = 'mutation($id: ID!) { acknowledgeCriticalResult(resultId: $id) { id acknowledgedAt } }';

/** Maria's potassium, ordered by Dr. Okafor, sampled, received and resulted at 7.1 mmol/L (critical), not yet verified. */
async function criticalPotassium() {
  const nurse = await stack.as('nurse');
  const order = await steps.orderLab(stack.seed.patientIds[0]!, ['K']);
  await nurse.data('mutation($id: ID!) { collectLabSample(orderId: $id, specimen: "Lithium heparin") { id } }', { id: order.id });
  await lab.data('mutation($id: ID!) { receiveLabOrder(id: $id) { id } }', { id: order.id });
  await lab.data('mutation($i: ID!) { enterLabResult(orderItemId: $i, value: 7.1) { id } }', { i: order.itemIds[0] });
  return order;
}

describe('critical lab results, live', () => {
  it('reach the ordering doctor when the lab verifies them, with federated fields, and no other doctor', async () => {
    const weber = await stack.as({ email: 'dr.weber@clinigraph.local' });
    const after = await cursorNow(stack);
    const toOkafor = collect<Critical>(connect(okafor), SUBSCRIBE, { after });
    const toWeber = collect<Critical>(connect(weber), SUBSCRIBE, { after });
    const order = await criticalPotassium();
    await toOkafor.settle(500);
    expect(toOkafor.results).toEqual([]);

    await lab.data('mutation($id: ID!) { verifyLabOrder(id: $id) { id } }', { id: order.id });
    await toOkafor.waitFor(1);
    expect(toOkafor.results[0]).toEqual({
      data: {
        criticalLabResults: {
          cursor: expect.any(String),
          testCode: 'K',
          value: 7.1,
          flag: 'CRITICAL_HIGH',
          patient: { displayName: 'Maria Garcia' },
          labOrder: { id: order.id },
          result: { id: expect.any(String), acknowledgedAt: null },
        },
      },
    });
    await toWeber.settle();
    expect(toWeber.results).toEqual([]);
  });

  it('stay on the doctor’s list until acknowledged; a replay then shows the acknowledgement', async () => {
    const after = await cursorNow(stack);
    const order = await criticalPotassium();
    await lab.data('mutation($id: ID!) { verifyLabOrder(id: $id) { id } }', { id: order.id });
    const { unacknowledgedCriticalResults } = await okafor.data<{ unacknowledgedCriticalResults: { id: string; labOrder: { id: string } }[] }>(PENDING);
    const waiting = unacknowledgedCriticalResults.find((r) => r.labOrder.id === order.id);
    expect(waiting).toMatchObject({ testCode: 'K', value: 7.1 });

    const { acknowledgeCriticalResult } = await okafor.data<{ acknowledgeCriticalResult: { id: string; acknowledgedAt: string } }>(ACK, { id: waiting!.id });
    expect(acknowledgeCriticalResult.acknowledgedAt).toEqual(expect.any(String));
    const again = await okafor.data<{ unacknowledgedCriticalResults: { id: string }[] }>(PENDING);
    expect(again.unacknowledgedCriticalResults.map((r) => r.id)).not.toContain(waiting!.id);

    const replay = collect<Critical>(connect(okafor), SUBSCRIBE, { after });
    await replay.waitFor(1);
    expect(replay.results[0]!.data!.criticalLabResults.result).toEqual({ id: waiting!.id, acknowledgedAt: acknowledgeCriticalResult.acknowledgedAt });
  });

  it('refuses a patient’s and the lab’s subscription with FORBIDDEN', async () => {
    for (const who of [await stack.as({ email: 'maria@example.com' }), lab]) {
      const live = collect(connect(who), SUBSCRIBE, {});
      await live.settle(400);
      expect(live.results).toEqual([]);
      expect(JSON.stringify(live.failures)).toContain('FORBIDDEN');
    }
  });
});
