import { type Context, type Db, type DbOrTx, isUuid, notFound, requireCapability } from '@clinigraph/kit';
import { type SQL, sql } from 'drizzle-orm';
import { assertFacility, scopeOf } from './scope.ts';

export interface BalanceMismatch {
  itemId: string;
  lotId: string;
  locationId: string;
  balance: number;
  ledger: number;
}

export interface LevelMismatch {
  itemId: string;
  facilityId: string;
  onHand: number;
  balances: number;
}

export interface Reconciliation {
  ok: boolean;
  facilityId: string | null;
  movementCount: number;
  balanceCount: number;
  /** Sum of all balances, and of all movements: equal when the ledger and balances agree. */
  balanceTotal: number;
  ledgerTotal: number;
  balanceMismatches: BalanceMismatch[];
  levelMismatches: LevelMismatch[];
  durationMs: number;
}

/** Rows of db.execute, whichever driver ran it (postgres.js gives an array, PGlite an object with rows). */
async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

const MAX_LISTED = 100;

/** `facility_id in (…)` for a list of facilities; a list of none matches nothing. */
const facilityIn = (ids: readonly string[]): SQL =>
  ids.length
    ? sql`in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql`in (select null::uuid where false)`;

/**
 * Proves balances equal the sum of the ledger: per (lot, location), balance vs SUM(movements), and per
 * (item, facility), the stock level vs SUM(balances). One snapshot (repeatable read, read only), so
 * concurrent movements cannot make it disagree with itself. `facilityIds`: the facilities to prove
 * (null: the whole network); `facilityId` is what the report names.
 */
export async function reconcile(
  db: Db,
  facilityId: string | null,
  facilityIds: readonly string[] | null = facilityId ? [facilityId] : null,
): Promise<Reconciliation> {
  const started = performance.now();
  const inFacility = (locationColumn: SQL) =>
    facilityIds ? sql`and ${locationColumn} in (select id from supply.location where facility_id ${facilityIn(facilityIds)})` : sql``;
  return db.transaction(
    async (tx) => {
      const balanceMismatches = await rows<BalanceMismatch>(
        tx,
        sql`with ledger as (
              select lot_id, location_id, item_id, sum(quantity)::bigint as total
              from supply.stock_movement where true ${inFacility(sql`location_id`)}
              group by lot_id, location_id, item_id),
            balance as (select * from supply.stock_balance where true ${inFacility(sql`location_id`)})
            select coalesce(b.item_id, l.item_id) as "itemId", coalesce(b.lot_id, l.lot_id) as "lotId",
                   coalesce(b.location_id, l.location_id) as "locationId",
                   coalesce(b.quantity, 0)::int as balance, coalesce(l.total, 0)::bigint as ledger
            from ledger l full join balance b on b.lot_id = l.lot_id and b.location_id = l.location_id
            where coalesce(b.quantity, 0) <> coalesce(l.total, 0)
            limit ${MAX_LISTED}`,
      );
      const levelMismatches = await rows<LevelMismatch>(
        tx,
        sql`with held as (
              select b.item_id, loc.facility_id, sum(b.quantity)::bigint as total
              from supply.stock_balance b join supply.location loc on loc.id = b.location_id
              ${facilityIds ? sql`where loc.facility_id ${facilityIn(facilityIds)}` : sql``}
              group by b.item_id, loc.facility_id),
            level as (select * from supply.stock_level ${facilityIds ? sql`where facility_id ${facilityIn(facilityIds)}` : sql``})
            select coalesce(s.item_id, h.item_id) as "itemId", coalesce(s.facility_id, h.facility_id) as "facilityId",
                   coalesce(s.on_hand, 0)::int as "onHand", coalesce(h.total, 0)::bigint as balances
            from level s full join held h on h.item_id = s.item_id and h.facility_id = s.facility_id
            where coalesce(s.on_hand, 0) <> coalesce(h.total, 0)
            limit ${MAX_LISTED}`,
      );
      const [totals] = await rows<{ movementCount: string; ledgerTotal: string; balanceCount: string; balanceTotal: string }>(
        tx,
        sql`select (select count(*) from supply.stock_movement where true ${inFacility(sql`location_id`)}) as "movementCount",
                   (select coalesce(sum(quantity), 0) from supply.stock_movement where true ${inFacility(sql`location_id`)}) as "ledgerTotal",
                   (select count(*) from supply.stock_balance where true ${inFacility(sql`location_id`)}) as "balanceCount",
                   (select coalesce(sum(quantity), 0) from supply.stock_balance where true ${inFacility(sql`location_id`)}) as "balanceTotal"`,
      );
      const report = {
        facilityId,
        movementCount: Number(totals?.movementCount ?? 0),
        ledgerTotal: Number(totals?.ledgerTotal ?? 0),
        balanceCount: Number(totals?.balanceCount ?? 0),
        balanceTotal: Number(totals?.balanceTotal ?? 0),
        balanceMismatches: balanceMismatches.map((m) => ({ ...m, balance: Number(m.balance), ledger: Number(m.ledger) })),
        levelMismatches: levelMismatches.map((m) => ({ ...m, onHand: Number(m.onHand), balances: Number(m.balances) })),
      };
      const ok = report.balanceMismatches.length === 0 && report.levelMismatches.length === 0 && report.ledgerTotal === report.balanceTotal;
      return { ...report, ok, durationMs: Math.round(performance.now() - started) };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The reconciliation of one facility of the caller's, or without one, of all the caller's facilities (every facility for a network admin). */
export async function stockReconciliation(ctx: Context, facilityId: string | null | undefined): Promise<Reconciliation> {
  requireCapability(ctx, 'stock.read');
  if (facilityId && !isUuid(facilityId)) throw notFound('Facility');
  if (facilityId) assertFacility(ctx, facilityId);
  return reconcile(ctx.db, facilityId ?? null, facilityId ? [facilityId] : scopeOf(ctx));
}
