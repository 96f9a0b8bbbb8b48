import { type Context, parseInput, requireCapability, type StockDispensedPayload, Topics } from '@clinigraph/kit';
import { z } from 'zod';
import { assertMayIssueFrom, requireIssuer } from './access.ts';
import { applyMovements, lockLevels, type MovementDraft, type MovementRow, runStockOperation } from './engine.ts';
import type { Allocation } from './fefo.ts';
import { id, optionalReason, quantity } from './inputs.ts';
import { dbToday, type LocationRow, loadItems, loadLocation } from './lookups.ts';
import { type PickedLine, pickOrFail, planPick } from './picking.ts';
import { assertWithinPrescribed, dispensedSoFar, lockPrescription, matchLines, prescriptionFromCare } from './prescriptions.ts';

const dispenseLine = z.object({ itemId: id, quantity, prescriptionItemId: id.nullish() });

/** No patient or visit: those come from care's prescription, never from the client. */
const dispenseSchema = z.object({
  prescriptionId: id,
  locationId: id,
  lines: z.array(dispenseLine).min(1, 'must list at least one line').max(50),
});

const issueSchema = z
  .object({
    locationId: id,
    patientId: id.nullish(),
    encounterId: id.nullish(),
    ward: z.string().trim().min(1).max(100).nullish(),
    reason: optionalReason,
    lines: z
      .array(z.object({ itemId: id, lotId: id.nullish(), quantity }))
      .min(1, 'must list at least one line')
      .max(50),
  })
  .refine((v) => v.patientId || v.ward, { message: 'say who receives it: a patientId or a ward', path: ['patientId'] });

const previewSchema = z.object({
  locationId: id,
  lines: z
    .array(z.object({ itemId: id, quantity }))
    .min(1)
    .max(50),
});

export interface DispensedLine {
  itemId: string;
  prescriptionItemId: string | null;
  quantity: number;
  allocations: Allocation[];
}

export interface DispenseResult {
  operationId: string;
  prescriptionId: string | null;
  patientId: string | null;
  location: LocationRow;
  lines: DispensedLine[];
  movements: MovementRow[];
}

function toDrafts(
  picked: PickedLine<{ itemId: string; quantity: number }>[],
  location: LocationRow,
  base: Omit<MovementDraft, 'itemId' | 'lotId' | 'locationId' | 'facilityId' | 'quantity'>,
): MovementDraft[] {
  return picked.flatMap((p) =>
    p.allocations.map((a) => ({
      ...base,
      itemId: p.line.itemId,
      lotId: a.lotId,
      locationId: location.id,
      facilityId: location.facilityId,
      quantity: -a.quantity,
    })),
  );
}

/**
 * Dispenses a prescription: FEFO across unexpired lots at one location, in one transaction. The
 * prescription is read from care as the caller first (never inside the transaction: care may share
 * this database); it must be finalised or partly dispensed, unexpired, list every line's medicine and
 * have enough left counting earlier dispenses. Anything refused, or too little stock
 * (INSUFFICIENT_STOCK), writes nothing. Emits `stock.dispensed` (entityId = the dispense id) with
 * care's patient and visit, for care (the prescription's status) and finance (the charge).
 */
export async function dispensePrescription(ctx: Context, input: unknown): Promise<DispenseResult> {
  const identity = requireCapability(ctx, 'stock.manage');
  const data = parseInput(dispenseSchema, input);
  const location = await loadLocation(ctx.db, data.locationId, ctx);
  await loadItems(
    ctx.db,
    data.lines.map((l) => l.itemId),
  );
  const rx = await prescriptionFromCare(ctx, data.prescriptionId);
  return runStockOperation(ctx.db, identity.userId, async (op) => {
    const matched = matchLines(rx, op.today, data.lines);
    await lockPrescription(op.tx, rx.id);
    await lockLevels(
      op,
      matched.map((l) => ({ itemId: l.itemId, facilityId: location.facilityId })),
    );
    assertWithinPrescribed(rx, matched, await dispensedSoFar(op.tx, rx.id));
    const picked = await pickOrFail(op.tx, op.today, location.id, matched, { lock: true, within: ctx });
    const patientId = rx.patient.id;
    const movements = await applyMovements(op, toDrafts(picked, location, { kind: 'dispense', referenceType: 'prescription', referenceId: rx.id, patientId }));
    const lines = picked.map((p) => ({
      itemId: p.line.itemId,
      prescriptionItemId: p.line.prescriptionItemId,
      quantity: p.line.quantity,
      allocations: p.allocations,
    }));
    await ctx.audit.write(op.tx, {
      action: 'create',
      entityType: 'Dispense',
      entityId: op.operationId,
      patientId,
      detail: { prescriptionId: rx.id, lines: lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity })) },
    });
    const payload: StockDispensedPayload & Record<string, unknown> = {
      prescriptionId: rx.id,
      patientId,
      encounterId: rx.encounter.id,
      locationId: location.id,
      lines: lines.map((l) => ({
        itemId: l.itemId,
        prescriptionItemId: l.prescriptionItemId,
        quantity: l.quantity,
        lotIds: l.allocations.map((a) => a.lotId),
        lots: l.allocations.map((a) => ({ lotId: a.lotId, lotNumber: a.lotNumber, quantity: a.quantity })),
      })),
      movementIds: movements.map((m) => m.id),
    };
    op.events.push({
      topic: Topics.stockDispensed,
      entityType: 'Dispense',
      entityId: op.operationId,
      facilityId: location.facilityId,
      patientId,
      actorId: op.actorId,
      payload,
    });
    return { operationId: op.operationId, prescriptionId: rx.id, patientId, location, lines, movements };
  });
}

/** A direct issue to a ward or a patient, FEFO or from a named lot. Nurses may issue only from a ward cabinet. */
export async function issueStock(ctx: Context, input: unknown): Promise<DispenseResult> {
  const identity = requireIssuer(ctx);
  const data = parseInput(issueSchema, input);
  return runStockOperation(ctx.db, identity.userId, async (op) => {
    const location = await loadLocation(op.tx, data.locationId, ctx);
    assertMayIssueFrom(ctx, location.kind);
    await loadItems(
      op.tx,
      data.lines.map((l) => l.itemId),
    );
    await lockLevels(
      op,
      data.lines.map((l) => ({ itemId: l.itemId, facilityId: location.facilityId })),
    );
    const picked = await pickOrFail(op.tx, op.today, location.id, data.lines, { lock: true, within: ctx });
    const patientId = data.patientId ?? null;
    const reference = patientId
      ? { referenceType: 'patient' as const, referenceId: patientId }
      : { referenceType: 'ward' as const, referenceId: data.ward as string };
    const movements = await applyMovements(op, toDrafts(picked, location, { kind: 'issue', reason: data.reason, patientId, ...reference }));
    const lines = picked.map((p) => ({ itemId: p.line.itemId, prescriptionItemId: null, quantity: p.line.quantity, allocations: p.allocations }));
    if (patientId) {
      await ctx.audit.write(op.tx, {
        action: 'create',
        entityType: 'StockIssue',
        entityId: op.operationId,
        patientId,
        detail: { lines: lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity })) },
      });
      op.events.push({
        topic: Topics.stockDispensed,
        entityType: 'Dispense',
        entityId: op.operationId,
        facilityId: location.facilityId,
        patientId,
        actorId: op.actorId,
        payload: {
          prescriptionId: null,
          patientId,
          encounterId: data.encounterId ?? null,
          locationId: location.id,
          lines: lines.map((l) => ({
            itemId: l.itemId,
            quantity: l.quantity,
            lotIds: l.allocations.map((a) => a.lotId),
            lots: l.allocations.map((a) => ({ lotId: a.lotId, lotNumber: a.lotNumber, quantity: a.quantity })),
          })),
          movementIds: movements.map((m) => m.id),
        } satisfies StockDispensedPayload & Record<string, unknown>,
      });
    }
    return { operationId: op.operationId, prescriptionId: null, patientId, location, lines, movements };
  });
}

export interface PreviewLine {
  itemId: string;
  requested: number;
  available: number;
  sufficient: boolean;
  allocations: Allocation[];
}

/** Which lots FEFO would take right now, without taking them. */
export async function dispensePreview(ctx: Context, input: unknown): Promise<PreviewLine[]> {
  requireCapability(ctx, 'stock.read');
  const data = parseInput(previewSchema, input);
  const location = await loadLocation(ctx.db, data.locationId, ctx);
  await loadItems(
    ctx.db,
    data.lines.map((l) => l.itemId),
  );
  const planned = await planPick(ctx.db, await dbToday(ctx.db), location.id, data.lines, { within: ctx });
  return planned.map((p) => ({
    itemId: p.line.itemId,
    requested: p.line.quantity,
    available: p.available,
    sufficient: p.shortfall === 0,
    allocations: p.allocations,
  }));
}
