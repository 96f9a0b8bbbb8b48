import { type Context, type DbOrTx, emitEvent, isUuid, notFound, parseInput, requireCapability, Topics } from '@clinigraph/kit';
import { and, asc, eq, gt, isNotNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { expiryAlert, facilitySetting, location, lot, stockBalance } from '../db/schema.ts';
import { isExpired } from './fefo.ts';
import { addDays, id } from './inputs.ts';
import { dbToday } from './lookups.ts';
import { assertFacility } from './scope.ts';

export const DEFAULT_EXPIRY_WINDOW_DAYS = 90;

export interface ExpiringStock {
  lotId: string;
  itemId: string;
  locationId: string;
  facilityId: string;
  lotNumber: string;
  expiresOn: string;
  quantity: number;
  expired: boolean;
  daysLeft: number;
}

export async function expiryWindowDays(db: DbOrTx, facilityId: string): Promise<number> {
  const [row] = await db.select({ days: facilitySetting.expiryWindowDays }).from(facilitySetting).where(eq(facilitySetting.facilityId, facilityId));
  return row?.days ?? DEFAULT_EXPIRY_WINDOW_DAYS;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Stock held in lots that expire within the window (already expired ones included), soonest first.
 * `today` defaults to the database's date; the daily job passes the facility's local date.
 */
export async function listExpiring(db: DbOrTx, facilityId: string, withinDays: number | null, today?: string): Promise<ExpiringStock[]> {
  const days = withinDays ?? (await expiryWindowDays(db, facilityId));
  const now = today ?? (await dbToday(db));
  const rows = await db
    .select({
      lotId: lot.id,
      itemId: lot.itemId,
      locationId: stockBalance.locationId,
      facilityId: location.facilityId,
      lotNumber: lot.lotNumber,
      expiresOn: lot.expiresOn,
      quantity: stockBalance.quantity,
    })
    .from(stockBalance)
    .innerJoin(lot, eq(lot.id, stockBalance.lotId))
    .innerJoin(location, eq(location.id, stockBalance.locationId))
    .where(and(eq(location.facilityId, facilityId), gt(stockBalance.quantity, 0), isNotNull(lot.expiresOn), lte(lot.expiresOn, addDays(now, days))))
    .orderBy(asc(lot.expiresOn), asc(lot.id), asc(stockBalance.locationId));
  return rows.map((r) => ({
    ...r,
    expiresOn: r.expiresOn!,
    expired: isExpired(r.expiresOn, now),
    daysLeft: daysBetween(now, r.expiresOn!),
  }));
}

const windowSchema = z.number().int().min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days');

export function validateWindow(withinDays: number | null | undefined): number | null {
  return withinDays == null ? null : parseInput(windowSchema, withinDays);
}

export async function expiringStock(ctx: Context, facilityId: string, withinDays: number | null | undefined): Promise<ExpiringStock[]> {
  requireCapability(ctx, 'stock.read');
  if (!isUuid(facilityId)) throw notFound('Facility');
  assertFacility(ctx, facilityId);
  return listExpiring(ctx.db, facilityId, validateWindow(withinDays));
}

export async function setExpiryWindow(ctx: Context, facilityId: string, days: number): Promise<number> {
  requireCapability(ctx, 'stock.manage');
  const value = parseInput(z.object({ facilityId: id, days: windowSchema }), { facilityId, days });
  assertFacility(ctx, value.facilityId);
  await ctx.db
    .insert(facilitySetting)
    .values({ facilityId: value.facilityId, expiryWindowDays: value.days })
    .onConflictDoUpdate({ target: facilitySetting.facilityId, set: { expiryWindowDays: value.days, updatedAt: sql`now()` } });
  return value.days;
}

/**
 * Alerts stock entering the expiry window (`expiring`) and stock that has expired (`expired`), once
 * per lot, location and stage: the alert row and its `stock.expiring` event commit together.
 * Safe to run as often as wanted (the daily job in ../jobs.ts, or by hand); returns the alerts it raised this time.
 */
export async function runExpiryCheck(ctx: Context, facilityId: string): Promise<ExpiringStock[]> {
  const identity = requireCapability(ctx, 'stock.manage');
  if (!isUuid(facilityId)) throw notFound('Facility');
  assertFacility(ctx, facilityId);
  return checkExpiries(ctx.db, facilityId, identity.userId);
}

export async function checkExpiries(db: DbOrTx, facilityId: string, actorId: string | null, today?: string): Promise<ExpiringStock[]> {
  return db.transaction(async (tx) => {
    const due = await listExpiring(tx, facilityId, null, today);
    const raised: ExpiringStock[] = [];
    for (const s of due) {
      const stage = s.expired ? 'expired' : 'expiring';
      const inserted = await tx
        .insert(expiryAlert)
        .values({ lotId: s.lotId, locationId: s.locationId, stage })
        .onConflictDoNothing()
        .returning({ lotId: expiryAlert.lotId });
      if (inserted.length) raised.push(s);
    }
    for (const s of raised) {
      await emitEvent(tx, {
        topic: Topics.stockExpiring,
        entityType: 'Lot',
        entityId: s.lotId,
        facilityId,
        actorId,
        payload: { ...s, stage: s.expired ? 'expired' : 'expiring' },
      });
    }
    return raised;
  });
}
