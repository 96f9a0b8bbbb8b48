import { createTestDatabase, type TestDatabase } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCare } from './seed.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

const refs = {
  facilityId: '7b0c8f3e-0a4e-4c1e-9a51-000000000001',
  providerIds: ['7b0c8f3e-0a4e-4c1e-9a51-000000000011', '7b0c8f3e-0a4e-4c1e-9a51-000000000012'],
  patientIds: ['7b0c8f3e-0a4e-4c1e-9a51-000000000021', '7b0c8f3e-0a4e-4c1e-9a51-000000000022', '7b0c8f3e-0a4e-4c1e-9a51-000000000023'],
};
const count = async (table: string) => Number((await t.database.query<{ n: string }>(`select count(*) as n from care.${table}`))[0]!.n);

describe('seedCare', () => {
  it('writes a small demo record once, with a prescription when medicines are given', async () => {
    const medicines = [
      { id: '7b0c8f3e-0a4e-4c1e-9a51-000000000031', name: 'Paracetamol 500 mg tablets', genericName: 'paracetamol', strength: '500 mg', form: 'tablet' },
    ];
    await seedCare(t.database.db, refs, { medicines });
    await seedCare(t.database.db, refs, { medicines });
    expect(await count('encounter')).toBe(3);
    expect(await count('prescription')).toBe(1);
    expect(await count('lab_result')).toBe(6);
    // Demo results are days old: their patients see them, while they still wait in the doctor's results inbox.
    const [labs] = await t.database.query<{ visible: string; reviewed: string }>(
      "select count(*) filter (where patient_visible_from <= now()) as visible, count(reviewed_at) as reviewed from care.lab_order where status = 'released'",
    );
    expect([Number(labs!.visible), Number(labs!.reviewed)]).toEqual([2, 0]);
    expect(await count('dental_finding')).toBe(3);
    const [bmi] = await t.database.query<{ bmi: string }>('select bmi from care.vitals where systolic = 148');
    expect(Number(bmi!.bmi)).toBe(27.9);
  });
});
