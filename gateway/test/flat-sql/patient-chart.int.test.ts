import type { GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { seedVisits } from './clinical-rows.ts';
import { measured, seedPatients } from './fixtures.ts';
import { PATIENT_CHART } from './screens.ts';

type Chart = {
  patient: { encounters: { provider: { displayName: string } }[]; prescriptions: unknown[]; labOrders: { items: { result: { value: number } }[] }[] };
};

describe('flat SQL: the patient chart', () => {
  let stack: TestStack;
  let doctor: GqlClient;
  let ten = '';
  let twoHundred = '';

  beforeAll(async () => {
    stack = await startTestStack();
    doctor = await stack.as('doctor');
    const at = { facilityId: stack.seed.facilityId, providerIds: stack.seed.providerIds, labStatus: 'released' };
    const patients = await seedPatients(stack, { tag: 'chart', count: 2, facilityId: stack.seed.facilityId });
    [ten, twoHundred] = [patients[0]!, patients[1]!];
    await seedVisits(stack, { ...at, patientIds: [ten], count: 10 });
    await seedVisits(stack, { ...at, patientIds: [twoHundred], count: 200 });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const chart = (id: string) => measured<Chart>(doctor, PATIENT_CHART, { id });

  it('runs the same number of SQL statements for 10 and for 200 visits, prescriptions and lab orders', async () => {
    const small = await chart(ten);
    const large = await chart(twoHundred);
    for (const [{ data }, n] of [
      [small, 10],
      [large, 200],
    ] as const) {
      expect(data.patient.encounters).toHaveLength(n);
      expect(data.patient.prescriptions).toHaveLength(n);
      expect(data.patient.labOrders.map((o) => o.items[0]?.result.value)).toEqual(Array(n).fill(13.5));
      expect(data.patient.encounters.every((e) => e.provider.displayName)).toBe(true);
    }
    console.info(`patient chart sqlCount: 10 visits → ${small.sqlCount}, 200 → ${large.sqlCount}`);
    expect(small.sqlCount).toBeGreaterThan(0);
    expect(large.sqlCount).toBe(small.sqlCount);
  });
});
