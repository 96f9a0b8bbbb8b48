import { type Context, isUuid, notFound, parseInput, requireCapability } from '@clinigraph/kit';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { item, purchaseOrder, purchaseOrderLine, stockLevel } from '../db/schema.ts';
import { badRequest } from './errors.ts';
import { id } from './inputs.ts';
import { type ItemRow, loadLocation } from './lookups.ts';
import { outstandingByItem, type PurchaseOrderRow } from './purchasing.ts';
import { assertFacility } from './scope.ts';

export interface SuggestionLine {
  item: ItemRow;
  onHand: number;
  /** Already ordered (open purchase orders) and not yet received. */
  onOrder: number;
  suggestedQuantity: number;
}

export interface SuggestedOrder {
  supplierId: string | null;
  facilityId: string;
  lines: SuggestionLine[];
}

/** Whole reorder quantities that lift the stock position (on hand + on order) above the reorder level. */
export function suggestedQuantity(reorderLevel: number, reorderQuantity: number, position: number): number {
  const gap = reorderLevel - position + 1;
  if (gap <= 0) return 0;
  if (reorderQuantity <= 0) return gap;
  return Math.ceil(gap / reorderQuantity) * reorderQuantity;
}

/**
 * Everything at or below its reorder level in a facility, less what is already on order, grouped by
 * preferred supplier (items without one come in a group with no supplier).
 */
export async function suggestPurchaseOrders(ctx: Context, facilityId: string): Promise<SuggestedOrder[]> {
  requireCapability(ctx, 'stock.read');
  if (!isUuid(facilityId)) throw notFound('Facility');
  assertFacility(ctx, facilityId);
  const rows = await ctx.db
    .select({ item, onHand: sql<number>`coalesce(${stockLevel.onHand}, 0)::int` })
    .from(item)
    .leftJoin(stockLevel, and(eq(stockLevel.itemId, item.id), eq(stockLevel.facilityId, facilityId)))
    .where(and(eq(item.active, true), gt(item.reorderLevel, 0), sql`coalesce(${stockLevel.onHand}, 0) <= ${item.reorderLevel}`))
    .orderBy(asc(item.name));
  const onOrder = await outstandingByItem(
    ctx.db,
    facilityId,
    rows.map((r) => r.item.id),
  );
  const groups = new Map<string | null, SuggestionLine[]>();
  for (const r of rows) {
    const ordered = onOrder.get(r.item.id) ?? 0;
    const qty = suggestedQuantity(r.item.reorderLevel, r.item.reorderQuantity, Number(r.onHand) + ordered);
    if (qty === 0) continue;
    const key = r.item.preferredSupplierId;
    groups.set(key, [...(groups.get(key) ?? []), { item: r.item, onHand: Number(r.onHand), onOrder: ordered, suggestedQuantity: qty }]);
  }
  return [...groups.entries()].map(([supplierId, lines]) => ({ supplierId, facilityId, lines }));
}

const draftSchema = z.object({ facilityId: id, deliverToLocationId: id });

/** Turns the suggestion into draft purchase orders, one per supplier. Items without a preferred supplier are left out. */
export async function draftSuggestedPurchaseOrders(ctx: Context, input: unknown): Promise<PurchaseOrderRow[]> {
  const identity = requireCapability(ctx, 'stock.manage');
  const data = parseInput(draftSchema, input);
  assertFacility(ctx, data.facilityId);
  const location = await loadLocation(ctx.db, data.deliverToLocationId, ctx);
  if (location.facilityId !== data.facilityId) throw badRequest('The delivery location is in another facility', { locationId: location.id });
  const suggestions = (await suggestPurchaseOrders(ctx, data.facilityId)).filter((s) => s.supplierId);
  if (suggestions.length === 0) return [];
  return ctx.db.transaction(async (tx) => {
    const created: PurchaseOrderRow[] = [];
    for (const s of suggestions) {
      const [po] = await tx
        .insert(purchaseOrder)
        .values({
          supplierId: s.supplierId!,
          facilityId: data.facilityId,
          deliverToLocationId: location.id,
          createdBy: identity.userId,
          note: 'Suggested from reorder levels',
        })
        .returning();
      await tx.insert(purchaseOrderLine).values(s.lines.map((l) => ({ purchaseOrderId: po!.id, itemId: l.item.id, quantityOrdered: l.suggestedQuantity })));
      created.push(po!);
    }
    return created;
  });
}
