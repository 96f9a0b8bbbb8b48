import { assertFacilityAccess, type Context, type EventRow, eventLog, notFound, requireCapability, Topics } from '@clinigraph/kit';
import { and, eq, inArray } from 'drizzle-orm';

const MAX_BIGINT = 9_223_372_036_854_775_807n;

/** The topics supply emits; `stockEvent` resolves only these. */
export const STOCK_TOPICS: string[] = [Topics.stockChanged, Topics.stockLow, Topics.stockExpiring, Topics.stockDispensed];

/**
 * One stock event from the shared log by its id, for staff of its facility. The gateway's live mechanism resolves a
 * subscription payload by running `stockEvent(id)` as a query with the subscriber's identity, so
 * authorisation and federated fields apply to live payloads exactly as to queries.
 */
export async function loadStockEvent(ctx: Context, id: string): Promise<EventRow> {
  requireCapability(ctx, 'stock.read');
  if (!/^\d{1,19}$/.test(id) || BigInt(id) > MAX_BIGINT) throw notFound('Stock event');
  const [row] = await ctx.db
    .select()
    .from(eventLog)
    .where(and(eq(eventLog.id, BigInt(id)), inArray(eventLog.topic, STOCK_TOPICS)));
  if (!row) throw notFound('Stock event');
  // Every stock event carries the facility of its stock: another facility's event is as missing.
  assertFacilityAccess(ctx, row.facilityId, 'Stock event');
  if (row.patientId) ctx.audit.record({ action: 'read', entityType: 'StockEvent', entityId: id, patientId: row.patientId });
  return row;
}
