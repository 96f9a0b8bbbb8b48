import type { Db, SeedRefs } from '@clinigraph/kit';
import { item } from './db/schema.ts';

export async function seedSupply(db: Db, _refs: SeedRefs): Promise<void> {
  const existing = await db.select({ id: item.id }).from(item).limit(1);
  if (existing.length) return;
  await db.insert(item).values([
    {
      sku: 'MED-AMOX-500',
      name: 'Amoxicillin 500 mg capsules',
      kind: 'medicine',
      unit: 'capsule',
      genericName: 'amoxicillin',
      form: 'capsule',
      strength: '500 mg',
      reorderLevel: 100,
      reorderQuantity: 500,
    },
    {
      sku: 'MED-PARA-500',
      name: 'Paracetamol 500 mg tablets',
      kind: 'medicine',
      unit: 'tablet',
      genericName: 'paracetamol',
      form: 'tablet',
      strength: '500 mg',
      reorderLevel: 200,
      reorderQuantity: 1000,
    },
    {
      sku: 'MED-IBU-400',
      name: 'Ibuprofen 400 mg tablets',
      kind: 'medicine',
      unit: 'tablet',
      genericName: 'ibuprofen',
      form: 'tablet',
      strength: '400 mg',
      reorderLevel: 100,
      reorderQuantity: 500,
    },
    { sku: 'CON-GLOVE-M', name: 'Nitrile gloves, medium', kind: 'consumable', unit: 'box', reorderLevel: 10, reorderQuantity: 50 },
  ]);
}
