import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormulary } from './demo-formulary.ts';
import { seedSupply } from './seed.ts';
import { reconcile } from './services/reconcile.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

describe('seedSupply', () => {
  it('seeds locations, suppliers and lots through the ledger, reconciled, and is idempotent', async () => {
    const refs = { facilityId: randomUUID(), providerIds: [], patientIds: [] };
    await seedSupply(t.database.db, refs);
    await seedSupply(t.database.db, refs);
    const q = (text: string) => t.database.query<Record<string, string>>(text, [refs.facilityId]);
    expect((await q('select kind from supply.location where facility_id = $1 order by kind')).map((r) => r.kind)).toEqual([
      'pharmacy',
      'ward_cabinet',
      'lab',
      'store',
    ]);
    expect(await q('select 1 from supply.supplier where $1::uuid is not null')).toHaveLength(2);
    const lots = await q(`select count(distinct expires_on) as expiries, count(*) as n from supply.lot where $1::uuid is not null`);
    expect(Number(lots[0]!.n)).toBeGreaterThanOrEqual(6);
    expect(Number(lots[0]!.expiries)).toBeGreaterThanOrEqual(5);
    const [movements] = await q(`select count(*) as n from supply.stock_movement where $1::uuid is not null`);
    // One opening movement per seeded lot and place: 9 for the core catalogue, one per formulary medicine.
    expect(Number(movements!.n)).toBe(9 + demoFormulary().length);
    const [medicines] = await q(`select count(*) as n from supply.item where kind = 'medicine' and $1::uuid is not null`);
    expect(Number(medicines!.n)).toBeGreaterThanOrEqual(40);
    expect((await reconcile(t.database.db, refs.facilityId)).ok).toBe(true);
    expect(await q(`select 1 from supply.stock_level where facility_id = $1 and below_reorder`)).toHaveLength(2);
  });
});
