import { assertFacilityAccess, type Context, type DbOrTx, facilityScope } from '@clinigraph/kit';
import { and, eq, exists, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { location, stockMovement } from '../db/schema.ts';

/**
 * Facility scoping in supply (issue 14). Staff see and change only the stock of the facilities they
 * belong to; another facility's record is NOT_FOUND, exactly as a missing one. Every condition below is
 * part of the one SQL statement that lists or loads, so paging, counts and the number of statements stay
 * as they were; callers with no facility limit (network admins, services) get no condition at all.
 *
 * What has a facility, and what does not:
 * - locations, and through them balances, ledger entries, equipment and its maintenance log: the location's;
 * - stock levels, purchase orders, supply settings and stock events: their own `facility_id`;
 * - a lot (a manufacturer's batch, network-wide by item and lot number) is known to a facility once that
 *   facility's ledger holds it: received there, or transferred there;
 * - the catalogue of items and suppliers has no facility: the network buys and stocks the same things, so
 *   every member of staff with `stock.read` reads all of it (and `catalogue.manage` maintains it).
 */

type Caller = Pick<Context, 'identity'>;

/** The caller's facilities, or null for every facility. */
export const scopeOf = (ctx: Caller): readonly string[] | null => facilityScope(ctx.identity);

/** `column` (a facility id) lies in the caller's facilities; undefined when the caller sees every facility. */
export function inScopeFacility(ctx: Caller, column: AnyPgColumn): SQL | undefined {
  const scope = scopeOf(ctx);
  if (scope === null) return undefined;
  return scope.length ? inArray(column, [...scope]) : sql`false`;
}

/** `column` (a location id) names a location of the caller's facilities. */
export function inScopeLocation(ctx: Caller & { db: DbOrTx }, column: AnyPgColumn): SQL | undefined {
  const scope = scopeOf(ctx);
  if (scope === null) return undefined;
  if (!scope.length) return sql`false`;
  return inArray(
    column,
    ctx.db
      .select({ id: location.id })
      .from(location)
      .where(inArray(location.facilityId, [...scope])),
  );
}

/** `column` (a lot id) names a lot the ledger of one of the caller's facilities holds. */
export function inScopeLot(ctx: Caller & { db: DbOrTx }, column: AnyPgColumn): SQL | undefined {
  const scope = scopeOf(ctx);
  if (scope === null) return undefined;
  if (!scope.length) return sql`false`;
  return exists(
    ctx.db
      .select({ one: sql`1` })
      .from(stockMovement)
      .innerJoin(location, eq(location.id, stockMovement.locationId))
      .where(and(eq(stockMovement.lotId, column), inArray(location.facilityId, [...scope]))),
  );
}

/**
 * A facility named as an argument (a list's facility, a setting, where to create a location): NOT_FOUND
 * unless the caller belongs to it. Checked in memory from the token, before any SQL.
 */
export function assertFacility(ctx: Caller, facilityId: string): void {
  assertFacilityAccess(ctx, facilityId, 'Facility');
}
