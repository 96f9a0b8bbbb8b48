import { badInput, type Context, invalidState, isUuid, notFound, parseInput, requireCapability, type Tx } from '@clinigraph/kit';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { modalityEnum, radiologyOrder, radiologyReport } from '../db/schema.ts';
import { assertOpen, lockEncounter } from './encounters.ts';
import type { RadiologyOrderRow } from './loaders.ts';
import { encounterFacility, inFacilities } from './scope.ts';

/** Locks an order for a write; another facility's is NOT_FOUND. */
async function lockOrder(ctx: Context, tx: Tx, id: string): Promise<RadiologyOrderRow> {
  const [row] = isUuid(id)
    ? await tx
        .select()
        .from(radiologyOrder)
        .where(and(eq(radiologyOrder.id, id), inFacilities(ctx.identity, encounterFacility(radiologyOrder.encounterId))))
        .for('update')
    : [];
  if (!row) throw notFound('Radiology order');
  return row;
}

const orderInput = z.object({
  encounterId: z.string(),
  modality: z.enum(modalityEnum.enumValues),
  bodyPart: z.string().trim().min(2).max(200),
  clinicalInfo: z.string().trim().max(2000).nullish(),
  priority: z.enum(['routine', 'urgent', 'stat']).default('routine'),
});

export async function orderImaging(ctx: Context, input: z.input<typeof orderInput>): Promise<RadiologyOrderRow> {
  const identity = requireCapability(ctx, 'radiology.manage');
  const data = parseInput(orderInput, input);
  return ctx.db.transaction(async (tx) => {
    const enc = await lockEncounter(ctx, tx, data.encounterId);
    assertOpen(enc);
    const [row] = await tx
      .insert(radiologyOrder)
      .values({
        encounterId: enc.id,
        patientId: enc.patientId,
        orderingProviderId: identity.providerId ?? enc.providerId,
        orderedBy: identity.userId,
        modality: data.modality,
        bodyPart: data.bodyPart,
        clinicalInfo: data.clinicalInfo ?? null,
        priority: data.priority,
      })
      .returning();
    await ctx.audit.write(tx, {
      action: 'create',
      entityType: 'RadiologyOrder',
      entityId: row!.id,
      patientId: enc.patientId,
      detail: { modality: data.modality },
    });
    return row!;
  });
}

const reportInput = z.object({
  orderId: z.string(),
  findings: z.string().trim().min(1).max(20_000),
  impression: z.string().trim().min(1).max(5000),
  correctionReason: z.string().trim().min(5).max(1000).nullish(),
});

/** A report is versioned like a lab result: a later report is a correction with a reason and needs verifying again. */
export async function reportImaging(ctx: Context, input: z.input<typeof reportInput>): Promise<RadiologyOrderRow> {
  const identity = requireCapability(ctx, 'radiology.manage');
  const data = parseInput(reportInput, input);
  return ctx.db.transaction(async (tx) => {
    const order = await lockOrder(ctx, tx, data.orderId);
    if (order.status === 'cancelled') throw invalidState('The order was cancelled', { rule: 'RADIOLOGY_ORDER_CANCELLED' });
    const correcting = order.currentVersion > 0;
    if (correcting && !data.correctionReason) throw badInput('A corrected report needs a reason', [{ path: 'correctionReason', message: 'Required' }]);
    const version = order.currentVersion + 1;
    await tx.insert(radiologyReport).values({
      orderId: order.id,
      version,
      findings: data.findings,
      impression: data.impression,
      correctionReason: correcting ? data.correctionReason! : null,
      reportedBy: identity.userId,
    });
    const [row] = await tx
      .update(radiologyOrder)
      .set({ status: 'reported', currentVersion: version, verifiedAt: null, verifiedBy: null })
      .where(eq(radiologyOrder.id, order.id))
      .returning();
    await ctx.audit.write(tx, {
      action: correcting ? 'update' : 'create',
      entityType: 'RadiologyReport',
      entityId: order.id,
      patientId: order.patientId,
      detail: { version },
    });
    return row!;
  });
}

export async function verifyImagingReport(ctx: Context, id: string): Promise<RadiologyOrderRow> {
  const identity = requireCapability(ctx, 'radiology.manage');
  return ctx.db.transaction(async (tx) => {
    const order = await lockOrder(ctx, tx, id);
    if (order.status !== 'reported')
      throw invalidState(`Only a reported study can be verified; this one is ${order.status}`, { rule: 'RADIOLOGY_NOT_REPORTED' });
    const [row] = await tx
      .update(radiologyOrder)
      .set({ status: 'verified', verifiedAt: new Date(), verifiedBy: identity.userId })
      .where(eq(radiologyOrder.id, order.id))
      .returning();
    await ctx.audit.write(tx, {
      action: 'update',
      entityType: 'RadiologyOrder',
      entityId: order.id,
      patientId: order.patientId,
      detail: { status: 'verified' },
    });
    return row!;
  });
}

export async function cancelImaging(ctx: Context, id: string): Promise<RadiologyOrderRow> {
  requireCapability(ctx, 'radiology.manage');
  return ctx.db.transaction(async (tx) => {
    const order = await lockOrder(ctx, tx, id);
    if (order.status !== 'ordered') throw invalidState('Only an unreported order can be cancelled', { rule: 'RADIOLOGY_NOT_CANCELLABLE' });
    const [row] = await tx.update(radiologyOrder).set({ status: 'cancelled' }).where(eq(radiologyOrder.id, order.id)).returning();
    await ctx.audit.write(tx, {
      action: 'update',
      entityType: 'RadiologyOrder',
      entityId: order.id,
      patientId: order.patientId,
      detail: { status: 'cancelled' },
    });
    return row!;
  });
}

/** Doctors' imaging worklist: studies in the given states (default: to report or verify), oldest first; each read is audited. */
export async function radiologyWorklist(ctx: Context, statuses: RadiologyOrderRow['status'][] | null | undefined): Promise<RadiologyOrderRow[]> {
  requireCapability(ctx, 'radiology.manage');
  const wanted: RadiologyOrderRow['status'][] = statuses?.length ? statuses : ['ordered', 'reported'];
  const rows = await ctx.db
    .select()
    .from(radiologyOrder)
    .where(and(inArray(radiologyOrder.status, wanted), inFacilities(ctx.identity, encounterFacility(radiologyOrder.encounterId))))
    .orderBy(asc(radiologyOrder.orderedAt))
    .limit(200);
  for (const r of rows) ctx.audit.record({ action: 'read', entityType: 'RadiologyOrder', entityId: r.id, patientId: r.patientId });
  return rows;
}
