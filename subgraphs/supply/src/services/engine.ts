import { randomUUID } from 'node:crypto';
import { AppError, type Db, ErrorCode, type EventInput, emitEvent, pgErrorInfo, SqlState, Topics, type Tx, translateDbError } from '@clinigraph/kit';
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { item, type movementKindEnum, type movementReferenceEnum, stockBalance, stockLevel, stockMovement } from '../db/schema.ts';
import { badRequest, insufficientStock } from './errors.ts';
import { dbToday } from './lookups.ts';

export type MovementKind = (typeof movementKindEnum.enumValues)[number];
export type ReferenceType = (typeof movementReferenceEnum.enumValues)[number];
export type MovementRow = typeof stockMovement.$inferSelect;

/** One signed change of one lot at one location, before it is written. */
export interface MovementDraft {
  kind: MovementKind;
  itemId: string;
  lotId: string;
  locationId: string;
  /** The location's facility: stock levels and low-stock alerts are per item and facility. */
  facilityId: string;
  quantity: number;
  reason?: string | null;
  referenceType: ReferenceType;
  referenceId: string;
  patientId?: string | null;
}

interface LockedLevel {
  itemId: string;
  facilityId: string;
  onHand: number;
  belowReorder: boolean;
  lowSince: Date | null;
  reorderLevel: number;
  reorderQuantity: number;
}

/** One stock-changing transaction: its id (shared by its movements), who does it, and the events it will emit. */
export interface StockOperation {
  tx: Tx;
  operationId: string;
  actorId: string | null;
  /** The database's date (YYYY-MM-DD): what "expired" is measured against. */
  today: string;
  /** Events appended as the transaction's last writes, after the work and its audit entries. */
  events: EventInput[];
  levels: Map<string, LockedLevel> | null;
}

const levelKey = (itemId: string, facilityId: string) => `${itemId}|${facilityId}`;

/**
 * Locks the stock-level rows of every (item, facility) the operation will touch, creating missing
 * ones, in one statement with keys in a fixed order, so two operations never wait on each other in a
 * cycle. Every change of an item's stock in a facility takes this lock first: dispensing, receiving
 * and transfers of one item are serialised, balances read after it are current, and the low-stock
 * flag flips exactly once per crossing. Called once per operation, before any balance is read.
 */
export async function lockLevels(op: StockOperation, keys: readonly { itemId: string; facilityId: string }[]): Promise<void> {
  if (op.levels) throw new Error('lockLevels must be called once per operation, with every key');
  const unique = [...new Map(keys.map((k) => [levelKey(k.itemId, k.facilityId), k])).values()].sort((a, b) =>
    a.itemId === b.itemId ? (a.facilityId < b.facilityId ? -1 : 1) : a.itemId < b.itemId ? -1 : 1,
  );
  op.levels = new Map();
  if (unique.length === 0) return;
  const rows = await op.tx
    .insert(stockLevel)
    .values(unique.map((k) => ({ itemId: k.itemId, facilityId: k.facilityId })))
    .onConflictDoUpdate({ target: [stockLevel.itemId, stockLevel.facilityId], set: { itemId: sql`excluded.item_id` } })
    .returning();
  const items = await op.tx
    .select({ id: item.id, reorderLevel: item.reorderLevel, reorderQuantity: item.reorderQuantity })
    .from(item)
    .where(
      inArray(
        item.id,
        unique.map((k) => k.itemId),
      ),
    );
  const reorder = new Map(items.map((i) => [i.id, i]));
  for (const r of rows) {
    const i = reorder.get(r.itemId);
    op.levels.set(levelKey(r.itemId, r.facilityId), {
      itemId: r.itemId,
      facilityId: r.facilityId,
      onHand: r.onHand,
      belowReorder: r.belowReorder,
      lowSince: r.lowSince,
      reorderLevel: i?.reorderLevel ?? 0,
      reorderQuantity: i?.reorderQuantity ?? 0,
    });
  }
}

async function changeBalance(tx: Tx, d: MovementDraft): Promise<void> {
  if (d.quantity > 0) {
    await tx
      .insert(stockBalance)
      .values({ lotId: d.lotId, locationId: d.locationId, itemId: d.itemId, quantity: d.quantity })
      .onConflictDoUpdate({
        target: [stockBalance.lotId, stockBalance.locationId],
        set: { quantity: sql`${stockBalance.quantity} + excluded.quantity`, updatedAt: sql`now()` },
      });
    return;
  }
  // Conditional decrement: no row means the lot does not hold enough here. The CHECK (quantity >= 0) backs it up.
  const [row] = await tx
    .update(stockBalance)
    .set({ quantity: sql`${stockBalance.quantity} + ${d.quantity}`, updatedAt: sql`now()` })
    .where(and(eq(stockBalance.lotId, d.lotId), eq(stockBalance.locationId, d.locationId), gte(stockBalance.quantity, -d.quantity)))
    .returning({ quantity: stockBalance.quantity });
  if (!row) throw insufficientStock(d.itemId, -d.quantity, null, { lotId: d.lotId, locationId: d.locationId });
}

/**
 * Writes movements and keeps balances and stock levels consistent with them in the same transaction;
 * queues `stock.changed` per (item, location) and `stock.low` when a level falls to or below its
 * reorder level (once per crossing: the flag re-arms when stock rises above it again).
 */
export async function applyMovements(op: StockOperation, drafts: readonly MovementDraft[]): Promise<MovementRow[]> {
  if (!op.levels) throw new Error('applyMovements needs lockLevels first');
  if (drafts.length === 0) return [];
  for (const d of drafts) {
    if (!Number.isInteger(d.quantity) || d.quantity === 0) throw badRequest('A movement must change stock by a whole, non-zero quantity');
    if (!op.levels.has(levelKey(d.itemId, d.facilityId))) throw new Error(`stock level ${d.itemId} at ${d.facilityId} not locked`);
    await changeBalance(op.tx, d);
  }
  const rows = await op.tx
    .insert(stockMovement)
    .values(
      drafts.map((d) => ({
        operationId: op.operationId,
        kind: d.kind,
        itemId: d.itemId,
        lotId: d.lotId,
        locationId: d.locationId,
        quantity: d.quantity,
        reason: d.reason ?? null,
        referenceType: d.referenceType,
        referenceId: d.referenceId,
        patientId: d.patientId ?? null,
        actorId: op.actorId,
      })),
    )
    .returning();
  await updateLevels(op, drafts);
  await queueStockChanged(op, rows, drafts);
  return rows;
}

async function updateLevels(op: StockOperation, drafts: readonly MovementDraft[]): Promise<void> {
  const deltas = new Map<string, number>();
  for (const d of drafts) deltas.set(levelKey(d.itemId, d.facilityId), (deltas.get(levelKey(d.itemId, d.facilityId)) ?? 0) + d.quantity);
  for (const [key, delta] of deltas) {
    const level = op.levels?.get(key);
    if (!level || delta === 0) continue;
    const onHand = level.onHand + delta;
    const low = level.reorderLevel > 0 && onHand <= level.reorderLevel;
    const lowSince = low ? (level.lowSince ?? new Date()) : null;
    await op.tx
      .update(stockLevel)
      .set({ onHand, belowReorder: low, lowSince, updatedAt: sql`now()` })
      .where(and(eq(stockLevel.itemId, level.itemId), eq(stockLevel.facilityId, level.facilityId)));
    if (low && !level.belowReorder) {
      op.events.push({
        topic: Topics.stockLow,
        entityType: 'Item',
        entityId: level.itemId,
        facilityId: level.facilityId,
        actorId: op.actorId,
        payload: { itemId: level.itemId, facilityId: level.facilityId, onHand, reorderLevel: level.reorderLevel, reorderQuantity: level.reorderQuantity },
      });
    }
    Object.assign(level, { onHand, belowReorder: low, lowSince });
  }
}

async function queueStockChanged(op: StockOperation, rows: readonly MovementRow[], drafts: readonly MovementDraft[]): Promise<void> {
  const facilityOf = new Map(drafts.map((d) => [d.locationId, d.facilityId]));
  const groups = new Map<string, MovementRow[]>();
  for (const r of rows) {
    const key = `${r.itemId}|${r.locationId}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const totals = await op.tx
    .select({ itemId: stockBalance.itemId, locationId: stockBalance.locationId, quantity: sql<number>`sum(${stockBalance.quantity})::int` })
    .from(stockBalance)
    .where(
      and(inArray(stockBalance.itemId, [...new Set(rows.map((r) => r.itemId))]), inArray(stockBalance.locationId, [...new Set(rows.map((r) => r.locationId))])),
    )
    .groupBy(stockBalance.itemId, stockBalance.locationId);
  const totalOf = new Map(totals.map((t) => [`${t.itemId}|${t.locationId}`, Number(t.quantity)]));
  for (const [key, group] of groups) {
    const first = group[0]!;
    const patientId = group.find((g) => g.patientId)?.patientId ?? null;
    op.events.push({
      topic: Topics.stockChanged,
      entityType: 'Item',
      entityId: first.itemId,
      facilityId: facilityOf.get(first.locationId) ?? null,
      patientId,
      actorId: op.actorId,
      payload: {
        itemId: first.itemId,
        locationId: first.locationId,
        operationId: op.operationId,
        kinds: [...new Set(group.map((g) => g.kind))],
        delta: group.reduce((s, g) => s + g.quantity, 0),
        quantity: totalOf.get(key) ?? 0,
        lotIds: [...new Set(group.map((g) => g.lotId))],
        movementIds: group.map((g) => g.id),
      },
    });
  }
}

const RETRYABLE = new Set<string>([SqlState.SERIALIZATION_FAILURE, '40P01']);

/**
 * Runs one stock operation in one transaction: the work (locks, movements, audit entries), then its
 * events as the last writes. Anything thrown rolls everything back, so a failed operation writes
 * nothing. A deadlock or serialisation failure (never expected with the fixed lock order) is retried.
 */
export async function runStockOperation<T>(db: Db, actorId: string | null, work: (op: StockOperation) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const op: StockOperation = { tx, operationId: randomUUID(), actorId, today: await dbToday(tx), events: [], levels: null };
        const result = await work(op);
        for (const event of op.events) await emitEvent(tx, event);
        return result;
      });
    } catch (err) {
      const info = err instanceof AppError ? null : pgErrorInfo(err);
      if (info && RETRYABLE.has(info.code) && attempt < 3) continue;
      translateDbError(err, {
        stock_balance_quantity_nonnegative: () => new AppError(ErrorCode.INSUFFICIENT_STOCK, 'Not enough stock'),
        stock_level_on_hand_nonnegative: () => new AppError(ErrorCode.INSUFFICIENT_STOCK, 'Not enough stock'),
        stock_movement_reason_required: () => badRequest('A reason is required'),
      });
    }
  }
}
