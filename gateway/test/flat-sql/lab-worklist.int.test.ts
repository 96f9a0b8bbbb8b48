import type { GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { seedVisits } from './clinical-rows.ts';
import { measured, seedPatients } from './fixtures.ts';
import { LAB_WORKLIST } from './screens.ts';

type Worklist = { labWorklist: { patient: { displayName: string }; orderingProvider: { displayName: string }; items: { result: { flag: string } }[] }[] };

describe('flat SQL: the lab worklist', () => {
  let stack: TestStack;
  let lab: GqlClient;

  beforeAll(async () => {
    stack = await startTestStack();
    lab = await stack.as('lab');
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  /** Adds orders awaiting verification, each for a new patient, and reads the list. */
  async function worklistAfterAdding(count: number, tag: string) {
    const patientIds = await seedPatients(stack, { tag, count, facilityId: stack.seed.facilityId });
    await seedVisits(stack, { patientIds, count, facilityId: stack.seed.facilityId, providerIds: stack.seed.providerIds, labStatus: 'resulted' });
    return measured<Worklist>(lab, LAB_WORKLIST, { statuses: ['RESULTED'] });
  }

  it('runs the same number of SQL statements for 10 and for 200 orders', async () => {
    const ten = await worklistAfterAdding(10, 'lab10');
    const twoHundred = await worklistAfterAdding(190, 'lab190');
    expect(ten.data.labWorklist).toHaveLength(10);
    expect(twoHundred.data.labWorklist).toHaveLength(200);
    for (const order of twoHundred.data.labWorklist) {
      expect(order.patient.displayName).toMatch(/^Flat/);
      expect(order.orderingProvider.displayName).not.toBe('');
      expect(order.items.map((i) => i.result.flag)).toEqual(['NORMAL']);
    }
    console.info(`lab worklist sqlCount: 10 orders → ${ten.sqlCount}, 200 → ${twoHundred.sqlCount}`);
    expect(ten.sqlCount).toBeGreaterThan(0);
    expect(twoHundred.sqlCount).toBe(ten.sqlCount);
  });
});
