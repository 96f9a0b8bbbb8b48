import { assertFacilityAccess, type Context, invalidState, isUuid, notFound, parseInput, requireCapability, type Tx } from '@clinigraph/kit';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { purchaseOrder, purchaseOrderLine, supplier } from '../db/schema.ts';
import { applyMovements, lockLevels, type MovementRow, runStockOperation } from './engine.ts';
import { badRequest } from './errors.ts';
import { distinctBy, id, isoDate, lotNumber, quantity, unitCostMinor } from './inputs.ts';
import { loadItems, loadLocation } from './lookups.ts';
import { ensureLot } from './lots.ts';

export type PurchaseOrderRow = typeof purchaseOrder.$inferSelect;
export type PurchaseOrderLineRow = typeof purchaseOrderLine.$inferSelect;
export type PurchaseOrderStatus = PurchaseOrderRow['status'];

const lineInput = z.object({ itemId: id, quantity, unitCostMinor: unitCostMinor.nullish() });

const createSchema = z.object({
  supplierId: id,
  deliverToLocationId: id,
  note: z.string().trim().max(1000).nullish(),
  lines: z
    .array(lineInput)
    .min(1, 'must list at least one line')
    .max(200)
    .superRefine(distinctBy((l) => l.itemId, 'item')),
});

const receiveSchema = z.object({
  purchaseOrderId: id,
  allowOverReceipt: z.boolean().nullish(),
  lines: z
    .array(z.object({ lineId: id, quantity, lotNumber, expiresOn: isoDate.nullish() }))
    .min(1, 'must list at least one line')
    .max(200),
});

/** A purchase order of the caller's facilities, else NOT_FOUND (another facility's order is as missing). */
export async function loadPurchaseOrder(
  tx: Tx | Context['db'],
  ctx: Pick<Context, 'identity'>,
  poId: string,
  { lock = false } = {},
): Promise<PurchaseOrderRow> {
  if (!isUuid(poId)) throw notFound('Purchase order');
  const query = tx.select().from(purchaseOrder).where(eq(purchaseOrder.id, poId));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Purchase order');
  assertFacilityAccess(ctx, row.facilityId, 'Purchase order');
  return row;
}

async function linesOf(tx: Tx, poId: string): Promise<PurchaseOrderLineRow[]> {
  return tx
    .select()
    .from(purchaseOrderLine)
    .where(eq(purchaseOrderLine.purchaseOrderId, poId))
    .orderBy(asc(purchaseOrderLine.createdAt), asc(purchaseOrderLine.id));
}

/** Creates a draft purchase order. */
export async function createPurchaseOrder(ctx: Context, input: unknown): Promise<PurchaseOrderRow> {
  const identity = requireCapability(ctx, 'stock.manage');
  const data = parseInput(createSchema, input);
  return ctx.db.transaction(async (tx) => {
    const [sup] = await tx.select().from(supplier).where(eq(supplier.id, data.supplierId));
    if (!sup) throw notFound('Supplier');
    const location = await loadLocation(tx, data.deliverToLocationId, ctx);
    await loadItems(
      tx,
      data.lines.map((l) => l.itemId),
    );
    const [po] = await tx
      .insert(purchaseOrder)
      .values({ supplierId: sup.id, facilityId: location.facilityId, deliverToLocationId: location.id, note: data.note ?? null, createdBy: identity.userId })
      .returning();
    await tx
      .insert(purchaseOrderLine)
      .values(data.lines.map((l) => ({ purchaseOrderId: po!.id, itemId: l.itemId, quantityOrdered: l.quantity, unitCostMinor: l.unitCostMinor ?? null })));
    return po!;
  });
}

const transitions: Record<'submit' | 'cancel', { from: PurchaseOrderStatus[]; to: PurchaseOrderStatus }> = {
  submit: { from: ['draft'], to: 'ordered' },
  cancel: { from: ['draft', 'ordered'], to: 'cancelled' },
};

/** draft → ordered, or draft/ordered → cancelled. Anything else is INVALID_STATE. */
export async function changePurchaseOrderStatus(ctx: Context, poId: string, action: 'submit' | 'cancel'): Promise<PurchaseOrderRow> {
  requireCapability(ctx, 'stock.manage');
  const rule = transitions[action];
  return ctx.db.transaction(async (tx) => {
    const po = await loadPurchaseOrder(tx, ctx, poId, { lock: true });
    if (!rule.from.includes(po.status))
      throw invalidState(`A ${po.status.replace('_', ' ')} purchase order cannot be ${action === 'submit' ? 'ordered' : 'cancelled'}`, { status: po.status });
    const [row] = await tx
      .update(purchaseOrder)
      .set({
        status: rule.to,
        orderedAt: action === 'submit' ? sql`now()` : po.orderedAt,
        closedAt: action === 'cancel' ? sql`now()` : null,
        updatedAt: sql`now()`,
      })
      .where(eq(purchaseOrder.id, po.id))
      .returning();
    return row!;
  });
}

export interface ReceiptResult {
  purchaseOrder: PurchaseOrderRow;
  operationId: string;
  movements: MovementRow[];
}

/**
 * Receives goods against an ordered purchase order: creates (or reuses) lots, writes receive
 * movements referencing the PO lines, and moves the order to partially received or received.
 * Receiving more than was ordered on a line needs `allowOverReceipt`.
 */
export async function receivePurchaseOrder(ctx: Context, input: unknown): Promise<ReceiptResult> {
  const identity = requireCapability(ctx, 'stock.manage');
  const data = parseInput(receiveSchema, input);
  return runStockOperation(ctx.db, identity.userId, async (op) => {
    const po = await loadPurchaseOrder(op.tx, ctx, data.purchaseOrderId, { lock: true });
    if (po.status !== 'ordered' && po.status !== 'partially_received')
      throw invalidState(`A ${po.status.replace('_', ' ')} purchase order cannot be received`, { status: po.status });
    const lines = new Map((await linesOf(op.tx, po.id)).map((l) => [l.id, l]));
    const incoming = new Map<string, number>();
    for (const r of data.lines) {
      const line = lines.get(r.lineId);
      if (!line) throw notFound('Purchase order line');
      incoming.set(line.id, (incoming.get(line.id) ?? 0) + r.quantity);
    }
    for (const [lineId, qty] of incoming) {
      const line = lines.get(lineId)!;
      const outstanding = line.quantityOrdered - line.quantityReceived;
      if (qty > outstanding && !data.allowOverReceipt)
        throw badRequest(`Receiving ${qty} exceeds the ${Math.max(outstanding, 0)} still outstanding on this line; set allowOverReceipt to accept it`, {
          reason: 'OVER_RECEIPT',
          lineId,
          outstanding: Math.max(outstanding, 0),
        });
    }
    const location = await loadLocation(op.tx, po.deliverToLocationId, ctx);
    const items = await loadItems(
      op.tx,
      [...incoming.keys()].map((lineId) => lines.get(lineId)!.itemId),
    );
    await lockLevels(
      op,
      [...incoming.keys()].map((lineId) => ({ itemId: lines.get(lineId)!.itemId, facilityId: location.facilityId })),
    );
    const drafts = [];
    for (const r of data.lines) {
      const line = lines.get(r.lineId)!;
      const lot = await ensureLot(op.tx, items.get(line.itemId)!, { lotNumber: r.lotNumber, expiresOn: r.expiresOn, supplierId: po.supplierId }, op.today);
      drafts.push({
        kind: 'receive' as const,
        itemId: line.itemId,
        lotId: lot.id,
        locationId: location.id,
        facilityId: location.facilityId,
        quantity: r.quantity,
        referenceType: 'purchase_order_line' as const,
        referenceId: line.id,
        reason: `${po.number}`,
      });
    }
    const movements = await applyMovements(op, drafts);
    for (const [lineId, qty] of incoming) {
      await op.tx
        .update(purchaseOrderLine)
        .set({ quantityReceived: sql`${purchaseOrderLine.quantityReceived} + ${qty}` })
        .where(eq(purchaseOrderLine.id, lineId));
    }
    const complete = [...lines.values()].every((l) => l.quantityReceived + (incoming.get(l.id) ?? 0) >= l.quantityOrdered);
    const [updated] = await op.tx
      .update(purchaseOrder)
      .set({ status: complete ? 'received' : 'partially_received', closedAt: complete ? sql`now()` : null, updatedAt: sql`now()` })
      .where(eq(purchaseOrder.id, po.id))
      .returning();
    return { purchaseOrder: updated!, operationId: op.operationId, movements };
  });
}

/** Orders still to arrive, per item: ordered minus received on open purchase orders of a facility. */
export async function outstandingByItem(db: Context['db'], facilityId: string, itemIds: string[]): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .select({
      itemId: purchaseOrderLine.itemId,
      outstanding: sql<number>`sum(greatest(${purchaseOrderLine.quantityOrdered} - ${purchaseOrderLine.quantityReceived}, 0))::int`,
    })
    .from(purchaseOrderLine)
    .innerJoin(purchaseOrder, eq(purchaseOrder.id, purchaseOrderLine.purchaseOrderId))
    .where(
      and(
        eq(purchaseOrder.facilityId, facilityId),
        inArray(purchaseOrder.status, ['draft', 'ordered', 'partially_received']),
        inArray(purchaseOrderLine.itemId, itemIds),
      ),
    )
    .groupBy(purchaseOrderLine.itemId);
  return new Map(rows.map((r) => [r.itemId, Number(r.outstanding)]));
}
