import type { Db, SeedRefs } from '@clinigraph/kit';
import { priceListEntry } from './db/schema.ts';

export async function seedFinance(db: Db, refs: SeedRefs): Promise<void> {
  const existing = await db.select({ id: priceListEntry.id }).from(priceListEntry).limit(1);
  if (existing.length) return;
  await db.insert(priceListEntry).values([
    {
      facilityId: refs.facilityId,
      code: 'CONSULT-GP',
      description: 'General practice consultation',
      amountMinor: 5000,
      currency: 'USD',
      effectiveFrom: '2026-01-01',
    },
    { facilityId: refs.facilityId, code: 'CONSULT-DENTAL', description: 'Dental check-up', amountMinor: 6500, currency: 'USD', effectiveFrom: '2026-01-01' },
  ]);
}
