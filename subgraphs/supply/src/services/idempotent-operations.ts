import { type Context, idempotent, requireCapability } from '@clinigraph/kit';
import { and, asc, eq } from 'drizzle-orm';
import { idempotencyKey, stockMovement } from '../db/schema.ts';
import { adjustStock, type OperationResult, receiveStock, returnStock, transferStock, writeOffStock } from './operations.ts';
import { inScopeLocation } from './scope.ts';

const operations = { receiveStock, transferStock, adjustStock, writeOffStock, returnStock };
export type StockOperationName = keyof typeof operations;

/** The movements a first request wrote, for a retry of it (those at the caller's facilities: a transfer's receipt elsewhere is the other facility's). */
async function writtenOperation(ctx: Context, operationId: string): Promise<OperationResult> {
  const movements = await ctx.db
    .select()
    .from(stockMovement)
    .where(and(eq(stockMovement.operationId, operationId), inScopeLocation(ctx, stockMovement.locationId)))
    .orderBy(asc(stockMovement.id));
  return { operationId, movements };
}

/**
 * A stock operation at most once per idempotency key: a retried receipt or transfer does not move the stock twice.
 * The caller is authorised before the key is looked at, so someone without the right learns nothing from it.
 */
export const stockOperationOnce = (ctx: Context, operation: StockOperationName, input: unknown, key: string | null | undefined): Promise<OperationResult> => {
  requireCapability(ctx, 'stock.manage');
  return idempotent(ctx, { table: idempotencyKey, operation, key, input, idOf: (result) => result.operationId, replay: writtenOperation }, (scoped) =>
    operations[operation](scoped, input),
  );
};
