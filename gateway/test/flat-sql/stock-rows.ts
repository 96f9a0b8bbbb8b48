import type { TestStack } from '../../src/testing/stack.ts';

/**
 * One store at the facility holding `count` items, one lot each: `count` stock balances, written with one
 * set-based statement (bulk setup, not the path under test; the stock engine's movements are not needed to list).
 */
export async function seedShelf(stack: TestStack, { facilityId, count, tag }: { facilityId: string; count: number; tag: string }): Promise<void> {
  await stack.db.database.query(
    `with store as (
       insert into supply.location (facility_id, code, name, kind) values ($1::uuid, 'FLAT-' || $2, 'Flat store ' || $2, 'store') returning id
     ), items as (
       insert into supply.item (sku, name, kind, unit, reorder_level)
       select 'FLAT-' || $2 || '-' || n, 'Flat item ' || $2 || ' ' || n, 'consumable', 'box', 3 from generate_series(1, $3::int) n
       returning id
     ), lots as (
       insert into supply.lot (item_id, lot_number, expires_on) select id, 'L-' || $2, current_date + 365 from items returning id, item_id
     )
     insert into supply.stock_balance (lot_id, location_id, item_id, quantity) select lots.id, store.id, lots.item_id, 7 from lots, store`,
    [facilityId, tag, count],
  );
}
