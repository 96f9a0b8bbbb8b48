import { type Context, inFacilityScope, parseInput, requireCapability } from '@clinigraph/kit';
import { z } from 'zod';
import { applyMovements, lockLevels, type MovementDraft, type MovementRow, runStockOperation } from './engine.ts';
import { badRequest } from './errors.ts';
import { isExpired } from './fefo.ts';
import { id, isoDate, lotNumber, optionalReason, quantity, reason, signedQuantity } from './inputs.ts';
import { loadItems, loadLocation, loadLot, lotQuantityAt } from './lookups.ts';
import { ensureLot } from './lots.ts';
import { pickOrFail } from './picking.ts';

export interface OperationResult {
  operationId: string;
  movements: MovementRow[];
}

const receiveSchema = z.object({
  itemId: id,
  locationId: id,
  lotNumber,
  expiresOn: isoDate.nullish(),
  quantity,
  supplierId: id.nullish(),
  reference: z.string().trim().min(1, 'is required: the delivery note or other document').max(100),
  reason: optionalReason,
});

const transferSchema = z
  .object({
    fromLocationId: id,
    toLocationId: id,
    reason: optionalReason,
    lines: z
      .array(z.object({ itemId: id, lotId: id.nullish(), quantity }))
      .min(1, 'must list at least one line')
      .max(50),
  })
  .refine((v) => v.fromLocationId !== v.toLocationId, { message: 'must differ from fromLocationId', path: ['toLocationId'] });

const adjustSchema = z.object({ lotId: id, locationId: id, quantityChange: signedQuantity, reason });

const writeOffSchema = z
  .object({ lotId: id, locationId: id, quantity: quantity.nullish(), expired: z.boolean().nullish(), reason: optionalReason })
  .refine((v) => v.expired || v.reason, { message: 'is required unless the lot expired', path: ['reason'] });

const returnSchema = z
  .object({
    lotId: id,
    locationId: id,
    quantity,
    direction: z.enum(['from_patient', 'from_ward', 'to_supplier']),
    patientId: id.nullish(),
    ward: z.string().trim().min(1).max(100).nullish(),
    supplierId: id.nullish(),
    reason,
  })
  .refine((v) => v.direction !== 'from_patient' || v.patientId, { message: 'is required for a return from a patient', path: ['patientId'] })
  .refine((v) => v.direction !== 'from_ward' || v.ward, { message: 'is required for a return from a ward', path: ['ward'] });

/** A delivery without a purchase order (a donation, an opening balance): needs a document reference. */
export async function receiveStock(ctx: Context, input: unknown): Promise<OperationResult> {
  const identity = requireCapability(ctx, 'stock.manage');
  const data = parseInput(receiveSchema, input);
  return runStockOperation(ctx.db, identity.userId, async (op) => {
    const location = await loadLocation(op.tx, data.locationId, ctx);
    const item = (await loadItems(op.tx, [data.itemId])).get(data.itemId)!;
    await lockLevels(op, [{ itemId: item.id, facilityId: location.facilityId }]);
    const lot = await ensureLot(op.tx, item, data, op.today);
    const movements = await applyMovements(op, [
      {
        kind: 'receive',
        itemId: item.id,
        lotId: lot.id,
        locationId: location.id,
        facilityId: location.facilityId,
        quantity: data.quantity,
        reason: data.reason,
        referenceType: 'delivery',
        referenceId: data.reference,
      },
    ]);
    return { operationId: op.operationId, movements };
  });
}

/**
 * Moves stock between two locations: FEFO or a named lot; a named expired lot may move (to quarantine).
 * The source must be a location of the caller's facilities (else NOT_FOUND); the destination may be in
 * another facility of the network, whose staff then see the receipt as theirs.
 */
export async function transferStock(ctx: Context, input: unknown): Promise<OperationResult> {
  const identity = requireCapability(ctx, 'stock.manage');
  const data = parseInput(transferSchema, input);
  return runStockOperation(ctx.db, identity.userId, async (op) => {
    const from = await loadLocation(op.tx, data.fromLocationId, ctx);
    // The destination may be another facility's location: sending stock to a sister site is how a
    // network shares it. What arrives there is that facility's record, not the sender's (see below).
    const to = await loadLocation(op.tx, data.toLocationId, 'anyFacility');
    await loadItems(
      op.tx,
      data.lines.map((l) => l.itemId),
    );
    await lockLevels(
      op,
      data.lines.flatMap((l) => [
        { itemId: l.itemId, facilityId: from.facilityId },
        { itemId: l.itemId, facilityId: to.facilityId },
      ]),
    );
    const picked = await pickOrFail(op.tx, op.today, from.id, data.lines, { lock: true, allowExpiredLot: true, within: ctx });
    const base = { kind: 'transfer' as const, reason: data.reason, referenceType: 'transfer' as const, referenceId: op.operationId };
    const drafts: MovementDraft[] = picked.flatMap((p) =>
      p.allocations.flatMap((a) => [
        { ...base, itemId: p.line.itemId, lotId: a.lotId, locationId: from.id, facilityId: from.facilityId, quantity: -a.quantity },
        { ...base, itemId: p.line.itemId, lotId: a.lotId, locationId: to.id, facilityId: to.facilityId, quantity: a.quantity },
      ]),
    );
    const movements = await applyMovements(op, drafts);
    // The receipt at another facility belongs to that facility (its ledger, its stock.changed event):
    // the sender is shown its own movements, and the receiving staff theirs.
    return { operationId: op.operationId, movements: movements.filter((m) => m.locationId === from.id || inFacilityScope(ctx.identity, to.facilityId)) };
  });
}

/** A counted correction of one lot at one location, with the reason. */
export async function adjustStock(ctx: Context, input: unknown): Promise<OperationResult> {
  const identity = requireCapability(ctx, 'stock.manage');
  const data = parseInput(adjustSchema, input);
  return runStockOperation(ctx.db, identity.userId, async (op) => {
    const location = await loadLocation(op.tx, data.locationId, ctx);
    const lot = await loadLot(op.tx, data.lotId, ctx);
    await lockLevels(op, [{ itemId: lot.itemId, facilityId: location.facilityId }]);
    const movements = await applyMovements(op, [
      {
        kind: 'adjust',
        itemId: lot.itemId,
        lotId: lot.id,
        locationId: location.id,
        facilityId: location.facilityId,
        quantity: data.quantityChange,
        reason: data.reason,
        referenceType: 'adjustment',
        referenceId: op.operationId,
      },
    ]);
    return { operationId: op.operationId, movements };
  });
}

/** Takes stock out of use: an expired lot (`expired`), or damaged or lost stock (reason required). All of it when no quantity is given. */
export async function writeOffStock(ctx: Context, input: unknown): Promise<OperationResult> {
  const identity = requireCapability(ctx, 'stock.manage');
  const data = parseInput(writeOffSchema, input);
  return runStockOperation(ctx.db, identity.userId, async (op) => {
    const location = await loadLocation(op.tx, data.locationId, ctx);
    const lot = await loadLot(op.tx, data.lotId, ctx);
    if (data.expired && !isExpired(lot.expiresOn, op.today)) throw badRequest(`Lot ${lot.lotNumber} has not expired`, { lotId: lot.id });
    await lockLevels(op, [{ itemId: lot.itemId, facilityId: location.facilityId }]);
    const held = await lotQuantityAt(op.tx, lot.id, location.id);
    const take = data.quantity ?? held;
    if (take === 0) throw badRequest('This lot holds no stock here', { lotId: lot.id, locationId: location.id });
    const movements = await applyMovements(op, [
      {
        kind: data.expired ? 'expire' : 'write_off',
        itemId: lot.itemId,
        lotId: lot.id,
        locationId: location.id,
        facilityId: location.facilityId,
        quantity: -take,
        reason: data.reason ?? `expired ${lot.expiresOn}`,
        referenceType: 'write_off',
        referenceId: op.operationId,
      },
    ]);
    return { operationId: op.operationId, movements };
  });
}

/** Stock coming back from a patient or ward, or going back to the supplier. */
export async function returnStock(ctx: Context, input: unknown): Promise<OperationResult> {
  const identity = requireCapability(ctx, 'stock.manage');
  const data = parseInput(returnSchema, input);
  return runStockOperation(ctx.db, identity.userId, async (op) => {
    const location = await loadLocation(op.tx, data.locationId, ctx);
    const lot = await loadLot(op.tx, data.lotId, ctx);
    const supplierId = data.supplierId ?? lot.supplierId;
    if (data.direction === 'to_supplier' && !supplierId) throw badRequest('Say which supplier takes it back', { lotId: lot.id });
    const referenceId = data.direction === 'from_patient' ? data.patientId! : data.direction === 'from_ward' ? data.ward! : supplierId!;
    await lockLevels(op, [{ itemId: lot.itemId, facilityId: location.facilityId }]);
    const patientId = data.direction === 'from_patient' ? data.patientId! : null;
    const movements = await applyMovements(op, [
      {
        kind: 'return',
        itemId: lot.itemId,
        lotId: lot.id,
        locationId: location.id,
        facilityId: location.facilityId,
        quantity: data.direction === 'to_supplier' ? -data.quantity : data.quantity,
        reason: data.reason,
        referenceType: 'return',
        referenceId,
        patientId,
      },
    ]);
    if (patientId) {
      await ctx.audit.write(op.tx, {
        action: 'create',
        entityType: 'StockReturn',
        entityId: op.operationId,
        patientId,
        detail: { lotId: lot.id, quantity: data.quantity },
      });
    }
    return { operationId: op.operationId, movements };
  });
}
