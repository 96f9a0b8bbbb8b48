import { assertFacilityAccess, type Context, type DbOrTx, isUuid, notFound } from '@clinigraph/kit';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { item, location, lot, stockBalance } from '../db/schema.ts';
import { badRequest } from './errors.ts';
import type { LotStock } from './fefo.ts';
import { inScopeLot } from './scope.ts';

export type ItemRow = typeof item.$inferSelect;
export type LocationRow = typeof location.$inferSelect;
export type LotRow = typeof lot.$inferSelect;

/** The database's date (YYYY-MM-DD): what "expired" and "due" are measured against, one clock for every replica. */
export async function dbToday(db: DbOrTx): Promise<string> {
  const [row] = await db.select({ today: sql<string>`current_date::text` }).from(sql`(select 1) as one`);
  return row!.today;
}

/**
 * Whose facilities a lookup is confined to: the caller (another facility's record is NOT_FOUND), or
 * `anyFacility` where a record of another facility is legitimately named (a transfer's destination).
 */
export type Within = Pick<Context, 'identity'> | 'anyFacility';

/** An active location of the caller's facilities (or of any, with `anyFacility`), else NOT_FOUND. */
export async function loadLocation(db: DbOrTx, id: string, within: Within): Promise<LocationRow> {
  const [row] = isUuid(id) ? await db.select().from(location).where(eq(location.id, id)) : [];
  if (!row) throw notFound('Location');
  if (within !== 'anyFacility') assertFacilityAccess(within, row.facilityId, 'Location');
  if (!row.active) throw badRequest('This location is no longer in use', { locationId: id });
  return row;
}

/** A lot the caller's facilities hold in their ledger (services/scope.ts), else NOT_FOUND. */
export async function loadLot(db: DbOrTx, id: string, within: Within): Promise<LotRow> {
  const scoped = within === 'anyFacility' ? undefined : inScopeLot({ identity: within.identity, db }, lot.id);
  const [row] = isUuid(id)
    ? await db
        .select()
        .from(lot)
        .where(and(eq(lot.id, id), scoped))
    : [];
  if (!row) throw notFound('Lot');
  return row;
}

/** Active items by id; NOT_FOUND if any is missing. */
export async function loadItems(db: DbOrTx, ids: readonly string[]): Promise<Map<string, ItemRow>> {
  const unique = [...new Set(ids)];
  if (unique.some((id) => !isUuid(id))) throw notFound('Item');
  const rows = unique.length ? await db.select().from(item).where(inArray(item.id, unique)) : [];
  const map = new Map(rows.map((r) => [r.id, r]));
  for (const id of unique) {
    const row = map.get(id);
    if (!row) throw notFound('Item');
    if (!row.active) throw badRequest('This item is no longer stocked', { itemId: id });
  }
  return map;
}

/**
 * An item's lots holding stock at one location, in FEFO order. With `lock`, the balance rows are
 * locked FOR UPDATE in that same stable order (the stock-level lock already serialises writers;
 * this keeps the balances pinned even for a path that forgot it).
 */
export async function lotStockAt(db: DbOrTx, itemId: string, locationId: string, { lock = false } = {}): Promise<LotStock[]> {
  // An alias, because drizzle writes `FOR UPDATE OF` schema-qualified, which Postgres rejects.
  const b = alias(stockBalance, 'b');
  const query = db
    .select({ lotId: lot.id, lotNumber: lot.lotNumber, expiresOn: lot.expiresOn, quantity: b.quantity })
    .from(b)
    .innerJoin(lot, eq(lot.id, b.lotId))
    .where(and(eq(b.itemId, itemId), eq(b.locationId, locationId), gt(b.quantity, 0)))
    .orderBy(sql`${lot.expiresOn} asc nulls last`, asc(lot.id));
  return lock ? query.for('update', { of: b }) : query;
}

/** The quantity of one lot at one location (0 when it holds none). */
export async function lotQuantityAt(db: DbOrTx, lotId: string, locationId: string): Promise<number> {
  const [row] = await db
    .select({ quantity: stockBalance.quantity })
    .from(stockBalance)
    .where(and(eq(stockBalance.lotId, lotId), eq(stockBalance.locationId, locationId)));
  return row?.quantity ?? 0;
}
