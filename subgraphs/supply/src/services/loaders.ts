import { byKey, type Context, defineLoader, groupByKey } from '@clinigraph/kit';
import { and, asc, gt, inArray, sql } from 'drizzle-orm';
import { equipment, item, location, lot, maintenanceRecord, purchaseOrder, purchaseOrderLine, stockBalance, stockLevel, supplier } from '../db/schema.ts';
import { inScopeFacility, inScopeLocation, inScopeLot } from './scope.ts';

export type ItemRow = typeof item.$inferSelect;
export type LocationRow = typeof location.$inferSelect;
export type LotRow = typeof lot.$inferSelect;
export type SupplierRow = typeof supplier.$inferSelect;
export type BalanceRow = typeof stockBalance.$inferSelect;
export type LevelRow = typeof stockLevel.$inferSelect;

const byIds = <T extends { id: string }>(load: (ctx: Context, ids: string[]) => Promise<T[]>) =>
  defineLoader<Context, string, T>(async (ctx, ids) => byKey(ids, await load(ctx, [...ids]), (r) => r.id));

/**
 * Loaders of records with a facility answer only for the caller's facilities (services/scope.ts): another
 * facility's location, lot, purchase order or equipment loads as missing. Items and suppliers are the
 * network-wide catalogue.
 */
export const itemById = byIds((ctx, ids) => ctx.db.select().from(item).where(inArray(item.id, ids)));
export const locationById = byIds((ctx, ids) =>
  ctx.db
    .select()
    .from(location)
    .where(and(inArray(location.id, ids), inScopeFacility(ctx, location.facilityId))),
);
export const lotById = byIds((ctx, ids) =>
  ctx.db
    .select()
    .from(lot)
    .where(and(inArray(lot.id, ids), inScopeLot(ctx, lot.id))),
);
export const supplierById = byIds((ctx, ids) => ctx.db.select().from(supplier).where(inArray(supplier.id, ids)));
export const purchaseOrderById = byIds((ctx, ids) =>
  ctx.db
    .select()
    .from(purchaseOrder)
    .where(and(inArray(purchaseOrder.id, ids), inScopeFacility(ctx, purchaseOrder.facilityId))),
);
export const equipmentById = byIds((ctx, ids) =>
  ctx.db
    .select()
    .from(equipment)
    .where(and(inArray(equipment.id, ids), inScopeLocation(ctx, equipment.locationId))),
);

export const linesByPurchaseOrder = defineLoader<Context, string, (typeof purchaseOrderLine.$inferSelect)[]>(async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.db
      .select()
      .from(purchaseOrderLine)
      .where(inArray(purchaseOrderLine.purchaseOrderId, [...ids]))
      .orderBy(asc(purchaseOrderLine.createdAt), asc(purchaseOrderLine.id)),
    (r) => r.purchaseOrderId,
  ),
);

export const maintenanceByEquipment = defineLoader<Context, string, (typeof maintenanceRecord.$inferSelect)[]>(async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.db
      .select()
      .from(maintenanceRecord)
      .where(inArray(maintenanceRecord.equipmentId, [...ids]))
      .orderBy(asc(maintenanceRecord.performedOn), asc(maintenanceRecord.createdAt)),
    (r) => r.equipmentId,
  ),
);

export const lotsByItem = defineLoader<Context, string, LotRow[]>(async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.db
      .select()
      .from(lot)
      .where(and(inArray(lot.itemId, [...ids]), inScopeLot(ctx, lot.id)))
      .orderBy(sql`${lot.expiresOn} asc nulls last`, asc(lot.id)),
    (r) => r.itemId,
  ),
);

/** Non-zero balances at the caller's facilities' locations. */
const positiveBalances = (column: typeof stockBalance.itemId | typeof stockBalance.lotId | typeof stockBalance.locationId) =>
  defineLoader<Context, string, BalanceRow[]>(async (ctx, ids) =>
    groupByKey(
      ids,
      await ctx.db
        .select()
        .from(stockBalance)
        .where(and(inArray(column, [...ids]), gt(stockBalance.quantity, 0), inScopeLocation(ctx, stockBalance.locationId)))
        .orderBy(asc(stockBalance.itemId), asc(stockBalance.locationId), asc(stockBalance.lotId)),
      (r) => (column === stockBalance.itemId ? r.itemId : column === stockBalance.lotId ? r.lotId : r.locationId),
    ),
  );

export const balancesByItem = positiveBalances(stockBalance.itemId);
export const balancesByLot = positiveBalances(stockBalance.lotId);
export const balancesByLocation = positiveBalances(stockBalance.locationId);

/** Stock levels per (item, facility), keyed `itemId|facilityId` (the resolver checks the facility is the caller's). */
export const levelByItemFacility = defineLoader<Context, string, LevelRow>(async (ctx, keys) => {
  const pairs = keys.map((k) => k.split('|') as [string, string]);
  const rows = await ctx.db
    .select()
    .from(stockLevel)
    .where(
      and(
        inArray(
          stockLevel.itemId,
          pairs.map((p) => p[0]),
        ),
        inArray(
          stockLevel.facilityId,
          pairs.map((p) => p[1]),
        ),
      ),
    );
  return byKey(keys, rows, (r) => `${r.itemId}|${r.facilityId}`);
});
