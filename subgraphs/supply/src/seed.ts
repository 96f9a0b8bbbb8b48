import type { Db, SeedRefs } from '@clinigraph/kit';
import { eq, inArray, sql } from 'drizzle-orm';
import { equipment, item, location, purchaseOrder, purchaseOrderLine, stockMovement, supplier } from './db/schema.ts';
import { demoFormulary } from './demo-formulary.ts';
import { applyMovements, lockLevels, runStockOperation } from './services/engine.ts';
import { addDays } from './services/inputs.ts';
import { ensureLot } from './services/lots.ts';

const SUPPLIERS = [
  { code: 'MEDILINE', name: 'Mediline Wholesale', email: 'orders@mediline.example', phone: '+1 555 0300', leadTimeDays: 3 },
  { code: 'LABCO', name: 'LabCo Diagnostics', email: 'sales@labco.example', phone: '+1 555 0310', leadTimeDays: 10 },
];

const ITEMS = [
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
    supplier: 'MEDILINE',
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
    supplier: 'MEDILINE',
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
    supplier: 'MEDILINE',
  },
  { sku: 'CON-GLOVE-M', name: 'Nitrile gloves, medium', kind: 'consumable', unit: 'box', reorderLevel: 10, reorderQuantity: 50, supplier: 'MEDILINE' },
  { sku: 'REA-GLU-50', name: 'Glucose test strips (50)', kind: 'reagent', unit: 'pack', reorderLevel: 5, reorderQuantity: 20, supplier: 'LABCO' },
  { sku: 'EQP-BPM', name: 'Blood pressure monitor', kind: 'equipment', unit: 'unit', reorderLevel: 0, reorderQuantity: 0, supplier: null },
] as const;

/** The demo formulary's medicines, each stocked in the pharmacy in one lot a year from expiry. */
const FORMULARY = demoFormulary();
const CATALOGUE = [
  ...ITEMS,
  ...FORMULARY.map(({ openingStock: _stock, demoUnitPriceMinor: _price, ...m }) => ({ ...m, kind: 'medicine' as const, supplier: 'MEDILINE' })),
];

const LOCATIONS = [
  { code: 'PHARM', name: 'Pharmacy', kind: 'pharmacy' },
  { code: 'WARD-A', name: 'Ward A cabinet', kind: 'ward_cabinet' },
  { code: 'LAB', name: 'Laboratory', kind: 'lab' },
  { code: 'STORE', name: 'Main store', kind: 'store' },
] as const;

/** Opening stock: [sku, location code, lot number, expires in days (null: no expiry), quantity]. */
const OPENING: [string, string, string, number | null, number][] = [
  ['MED-AMOX-500', 'PHARM', 'AMX-2401', 20, 120],
  ['MED-AMOX-500', 'PHARM', 'AMX-2502', 400, 300],
  ['MED-PARA-500', 'PHARM', 'PCM-2410', 60, 150],
  ['MED-PARA-500', 'PHARM', 'PCM-2507', 500, 600],
  ['MED-PARA-500', 'WARD-A', 'PCM-2507', 500, 50],
  ['MED-IBU-400', 'PHARM', 'IBU-2503', 300, 80],
  ['CON-GLOVE-M', 'STORE', 'GLV-0425', null, 30],
  ['CON-GLOVE-M', 'WARD-A', 'GLV-0425', null, 5],
  ['REA-GLU-50', 'LAB', 'GLU-2502', 120, 4],
  ...FORMULARY.map((m): [string, string, string, number | null, number] => [m.sku, 'PHARM', `${m.sku.slice(4)}-2601`, 365, m.openingStock]),
];

/**
 * Demo supply data for the seeded facility: suppliers, a catalogue, four locations, opening stock in
 * lots with different expiries (written through the ledger, so it reconciles), a blood pressure monitor
 * due for maintenance and an open purchase order. Idempotent: each part is added only when missing.
 */
export interface SupplySeed {
  /** The catalogue's medicines, for other subgraphs' demo data (care's demo prescription). */
  medicines: { id: string; name: string; genericName: string; strength: string | null; form: string | null; demoUnitPriceMinor: number | null }[];
}

/** Demo catalogue, locations, opening stock, equipment and an open order. Idempotent. */
export async function seedSupply(db: Db, refs: SeedRefs): Promise<SupplySeed> {
  await seedStock(db, refs);
  const medicines = await db
    .select({ id: item.id, sku: item.sku, name: item.name, genericName: item.genericName, strength: item.strength, form: item.form })
    .from(item)
    .where(eq(item.kind, 'medicine'))
    .orderBy(item.sku);
  const price = (sku: string) => FORMULARY.find((m) => m.sku === sku)?.demoUnitPriceMinor ?? null;
  return { medicines: medicines.map(({ sku, ...m }) => ({ ...m, genericName: m.genericName ?? m.name, demoUnitPriceMinor: price(sku) })) };
}

async function seedStock(db: Db, refs: SeedRefs): Promise<void> {
  await db
    .insert(supplier)
    .values(SUPPLIERS.map((s) => ({ ...s })))
    .onConflictDoNothing();
  const suppliers = await db
    .select()
    .from(supplier)
    .where(
      inArray(
        supplier.code,
        SUPPLIERS.map((s) => s.code),
      ),
    );
  const supplierId = (code: string | null) => suppliers.find((s) => s.code === code)?.id ?? null;
  await db
    .insert(item)
    .values(CATALOGUE.map(({ supplier: code, ...i }) => ({ ...i, preferredSupplierId: supplierId(code) })))
    .onConflictDoUpdate({ target: item.sku, set: { preferredSupplierId: sql`coalesce(${item.preferredSupplierId}, excluded.preferred_supplier_id)` } });
  await db
    .insert(location)
    .values(LOCATIONS.map((l) => ({ ...l, facilityId: refs.facilityId })))
    .onConflictDoNothing();

  const [anyMovement] = await db.select({ id: stockMovement.id }).from(stockMovement).limit(1);
  if (anyMovement) return;
  const items = await db
    .select()
    .from(item)
    .where(
      inArray(
        item.sku,
        CATALOGUE.map((i) => i.sku),
      ),
    );
  const locations = await db.select().from(location).where(eq(location.facilityId, refs.facilityId));
  const itemBySku = (sku: string) => items.find((i) => i.sku === sku)!;
  const locationByCode = (code: string) => locations.find((l) => l.code === code)!;

  await runStockOperation(db, null, async (op) => {
    await lockLevels(
      op,
      OPENING.map(([sku]) => ({ itemId: itemBySku(sku).id, facilityId: refs.facilityId })),
    );
    const drafts = [];
    for (const [sku, code, lotNumber, days, quantity] of OPENING) {
      const it = itemBySku(sku);
      const lot = await ensureLot(
        op.tx,
        it,
        { lotNumber, expiresOn: days === null ? null : addDays(op.today, days), supplierId: it.preferredSupplierId },
        op.today,
      );
      const loc = locationByCode(code);
      drafts.push({
        kind: 'receive' as const,
        itemId: it.id,
        lotId: lot.id,
        locationId: loc.id,
        facilityId: loc.facilityId,
        quantity,
        reason: 'opening balance',
        referenceType: 'delivery' as const,
        referenceId: 'Opening stock count',
      });
    }
    await applyMovements(op, drafts);

    const today = op.today;
    await op.tx.insert(equipment).values({
      itemId: itemBySku('EQP-BPM').id,
      serialNumber: 'BPM-00017',
      locationId: locationByCode('WARD-A').id,
      maintenanceIntervalDays: 180,
      lastMaintainedOn: addDays(today, -200),
      nextMaintenanceDue: addDays(today, -20),
    });
    const [po] = await op.tx
      .insert(purchaseOrder)
      .values({
        supplierId: supplierId('MEDILINE')!,
        facilityId: refs.facilityId,
        deliverToLocationId: locationByCode('PHARM').id,
        status: 'ordered',
        orderedAt: new Date(),
        note: 'Demo order',
      })
      .returning();
    await op.tx.insert(purchaseOrderLine).values([
      { purchaseOrderId: po!.id, itemId: itemBySku('MED-IBU-400').id, quantityOrdered: 500, unitCostMinor: 4 },
      { purchaseOrderId: po!.id, itemId: itemBySku('CON-GLOVE-M').id, quantityOrdered: 20, unitCostMinor: 850 },
    ]);
  });
}
