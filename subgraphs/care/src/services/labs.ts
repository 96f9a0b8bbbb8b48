import {
  badInput,
  type Capability,
  type Context,
  emitEvent,
  invalidState,
  isUuid,
  type LabOrderReleasedPayload,
  notFound,
  parseInput,
  requireCapability,
  Topics,
  type Tx,
} from '@clinigraph/kit';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { flagFor, implausibility, labTest, type ResultFlag } from '../catalogue/lab-tests.ts';
import { labOrder, labOrderItem, labResult } from '../db/schema.ts';
import { assertOpen, lockEncounter } from './encounters.ts';
import { emitLabOrderChanged, raiseCriticalResults } from './lab-events.ts';
import { assertFourEyes } from './lab-policy.ts';
import type { LabOrderRow, LabResultRow } from './loaders.ts';
import { patientVisibleFrom } from './result-review.ts';
import { inFacilities } from './scope.ts';

type Status = LabOrderRow['status'];

/** Locks an order for a write; another facility's is NOT_FOUND. */
async function lockOrder(ctx: Context, tx: Tx, id: string): Promise<LabOrderRow> {
  const [row] = isUuid(id)
    ? await tx
        .select()
        .from(labOrder)
        .where(and(eq(labOrder.id, id), inFacilities(ctx.identity, labOrder.facilityId)))
        .for('update')
    : [];
  if (!row) throw notFound('Lab order');
  return row;
}

function expectStatus(row: LabOrderRow, allowed: Status[], action: string): void {
  if (!allowed.includes(row.status)) {
    throw invalidState(`Cannot ${action}: the lab order is ${row.status}`, { rule: 'LAB_ORDER_WRONG_STATE', status: row.status, allowed });
  }
}

const orderInput = z.object({
  encounterId: z.string(),
  tests: z.array(z.string().trim().min(1)).min(1).max(30),
  priority: z.enum(['routine', 'urgent', 'stat']).default('routine'),
  clinicalInfo: z.string().trim().max(2000).nullish(),
});

/** A doctor orders tests from the lab catalogue; each line keeps the catalogue's ranges of the day. */
export async function orderLabTests(ctx: Context, input: z.input<typeof orderInput>): Promise<LabOrderRow> {
  const identity = requireCapability(ctx, 'lab.order');
  const data = parseInput(orderInput, input);
  const codes = [...new Set(data.tests.map((c) => c.toUpperCase()))];
  const unknown = codes.filter((c) => !labTest(c));
  if (unknown.length) throw badInput(`Unknown lab test(s): ${unknown.join(', ')}`, [{ path: 'tests', message: 'Unknown test code' }]);
  return ctx.db.transaction(async (tx) => {
    const enc = await lockEncounter(ctx, tx, data.encounterId);
    assertOpen(enc);
    const [row] = await tx
      .insert(labOrder)
      .values({
        encounterId: enc.id,
        patientId: enc.patientId,
        facilityId: enc.facilityId,
        orderingProviderId: identity.providerId ?? enc.providerId,
        orderedBy: identity.userId,
        priority: data.priority,
        clinicalInfo: data.clinicalInfo ?? null,
      })
      .returning();
    await tx.insert(labOrderItem).values(
      codes.map((code) => {
        const t = labTest(code)!;
        return {
          orderId: row!.id,
          testCode: t.code,
          testName: t.name,
          unit: t.unit,
          refLow: t.refLow ?? null,
          refHigh: t.refHigh ?? null,
          criticalLow: t.criticalLow ?? null,
          criticalHigh: t.criticalHigh ?? null,
        };
      }),
    );
    await ctx.audit.write(tx, { action: 'create', entityType: 'LabOrder', entityId: row!.id, patientId: enc.patientId, detail: { tests: codes } });
    await emitLabOrderChanged(tx, ctx, row!, null);
    return row!;
  });
}

/** Moves an order one step along its workflow, for who holds the step's capability. */
async function runTransition(
  ctx: Context,
  capability: Capability,
  id: string,
  from: Status[],
  to: Status,
  action: string,
  stamp: (userId: string) => Partial<typeof labOrder.$inferInsert>,
  after?: (tx: Tx, row: LabOrderRow) => Promise<void>,
): Promise<LabOrderRow> {
  const identity = requireCapability(ctx, capability);
  return ctx.db.transaction(async (tx) => {
    const current = await lockOrder(ctx, tx, id);
    expectStatus(current, from, action);
    const [row] = await tx
      .update(labOrder)
      .set({ status: to, ...stamp(identity.userId) })
      .where(eq(labOrder.id, current.id))
      .returning();
    await ctx.audit.write(tx, { action: 'update', entityType: 'LabOrder', entityId: current.id, patientId: current.patientId, detail: { status: to } });
    if (after) await after(tx, row!);
    await emitLabOrderChanged(tx, ctx, row!, current.status);
    return row!;
  });
}

const collectInput = z.object({ orderId: z.string(), specimen: z.string().trim().min(1).max(200) });

/** Nurses (and lab staff) collect the sample. */
export const collectSample = (ctx: Context, input: z.input<typeof collectInput>) => {
  const data = parseInput(collectInput, input);
  return runTransition(ctx, 'lab.sample.collect', data.orderId, ['ordered'], 'collected', 'collect the sample', (userId) => ({
    collectedAt: new Date(),
    collectedBy: userId,
    specimen: data.specimen,
  }));
};

export const receiveLabOrder = (ctx: Context, id: string) =>
  runTransition(ctx, 'lab.sample.receive', id, ['collected'], 'received', 'receive the sample', (userId) => ({ receivedAt: new Date(), receivedBy: userId }));

/**
 * Lab staff verify the results, never their own unless the facility allows a single-person lab (four
 * eyes); each critical value among them is raised to the ordering doctor now.
 */
export const verifyLabOrder = (ctx: Context, id: string) =>
  runTransition(
    ctx,
    'lab.result.verify',
    id,
    ['resulted'],
    'verified',
    'verify the results',
    (userId) => ({ verifiedAt: new Date(), verifiedBy: userId }),
    async (tx, row) => {
      await assertFourEyes(tx, row, row.verifiedBy!);
      await raiseCriticalResults(tx, ctx, row);
    },
  );

export const releaseLabOrder = (ctx: Context, id: string) =>
  runTransition(
    ctx,
    'lab.result.release',
    id,
    ['verified'],
    'released',
    'release the results',
    (userId) => ({ releasedAt: new Date(), releasedBy: userId }),
    async (tx, row) => {
      row.patientVisibleFrom = await patientVisibleFrom(tx, row, row.releasedAt!);
      await tx.update(labOrder).set({ patientVisibleFrom: row.patientVisibleFrom }).where(eq(labOrder.id, row.id));
      const items = await tx.select().from(labOrderItem).where(eq(labOrderItem.orderId, row.id));
      const payload: LabOrderReleasedPayload = { tests: items.map((i) => ({ code: i.testCode, name: i.testName })) };
      await emitEvent(tx, {
        topic: Topics.labOrderReleased,
        entityType: 'LabOrder',
        entityId: row.id,
        facilityId: row.facilityId,
        patientId: row.patientId,
        providerId: row.orderingProviderId,
        actorId: ctx.identity?.userId ?? null,
        payload: payload as unknown as Record<string, unknown>,
      });
    },
  );

export const cancelLabOrder = (ctx: Context, id: string) =>
  runTransition(ctx, 'lab.order', id, ['ordered', 'collected', 'received'], 'cancelled', 'cancel the order', () => ({ cancelledAt: new Date() }));

const resultInput = z
  .object({
    orderItemId: z.string(),
    value: z.number().finite().nullish(),
    text: z.string().trim().min(1).max(2000).nullish(),
    abnormal: z.boolean().nullish(),
    comment: z.string().trim().max(1000).nullish(),
    correctionReason: z.string().trim().min(5).max(1000).nullish(),
  })
  .refine((r) => (r.value == null) !== (r.text == null), { message: 'Give either a numeric value or a text result', path: ['value'] });

/**
 * Lab staff enter a result. The first entry is version 1; any later entry is a correction that needs
 * a reason and adds a version (the earlier one stays). A correction after verification sends the order
 * back to `resulted`, to be verified and released again. A critical value is raised to the ordering
 * doctor when the order is verified (verifyLabOrder).
 */
export async function enterLabResult(ctx: Context, input: z.input<typeof resultInput>): Promise<LabResultRow> {
  const identity = requireCapability(ctx, 'lab.result.enter');
  const data = parseInput(resultInput, input);
  return ctx.db.transaction(async (tx) => {
    const orderFacility = sql`(select ${labOrder.facilityId} from ${labOrder} where ${labOrder.id} = ${labOrderItem.orderId})`;
    const [item] = isUuid(data.orderItemId)
      ? await tx
          .select()
          .from(labOrderItem)
          .where(and(eq(labOrderItem.id, data.orderItemId), inFacilities(identity, orderFacility)))
          .for('update')
      : [];
    if (!item) throw notFound('Lab order item');
    const implausible = data.value != null ? implausibility(data.value, item.testCode) : null;
    if (implausible) throw badInput(`value: ${implausible}`, [{ path: 'value', message: implausible }]);
    const order = await lockOrder(ctx, tx, item.orderId);
    expectStatus(order, ['received', 'resulted', 'verified', 'released'], 'enter a result');
    const correcting = item.currentVersion > 0;
    if (correcting && !data.correctionReason)
      throw badInput('A correction needs a reason', [{ path: 'correctionReason', message: 'Required for a correction' }]);
    const flag: ResultFlag = data.value != null ? flagFor(data.value, item) : data.abnormal ? 'abnormal' : 'normal';
    const version = item.currentVersion + 1;
    const [result] = await tx
      .insert(labResult)
      .values({
        orderItemId: item.id,
        version,
        valueNumeric: data.value ?? null,
        valueText: data.text ?? null,
        flag,
        comment: data.comment ?? null,
        correctionReason: correcting ? data.correctionReason! : null,
        enteredBy: identity.userId,
      })
      .returning();
    await tx.update(labOrderItem).set({ currentVersion: version }).where(eq(labOrderItem.id, item.id));
    const items = await tx.select({ v: labOrderItem.currentVersion }).from(labOrderItem).where(eq(labOrderItem.orderId, order.id));
    const allResulted = items.every((i) => i.v > 0);
    let updated = order;
    if (allResulted && order.status !== 'resulted') {
      const [changed] = await tx
        .update(labOrder)
        .set({ status: 'resulted', verifiedAt: null, verifiedBy: null, releasedAt: null, releasedBy: null })
        .where(eq(labOrder.id, order.id))
        .returning();
      updated = changed!;
    }
    await ctx.audit.write(tx, {
      action: correcting ? 'update' : 'create',
      entityType: 'LabResult',
      entityId: result!.id,
      patientId: order.patientId,
      detail: { test: item.testCode, version, flag },
    });
    await emitLabOrderChanged(tx, ctx, updated, order.status);
    return result!;
  });
}

/** The lab's worklist: orders in these states at the caller's facilities, oldest first (at most 200). */
export async function labWorklist(ctx: Context, statuses: Status[]): Promise<LabOrderRow[]> {
  const identity = requireCapability(ctx, 'lab.read');
  const rows = await ctx.db
    .select()
    .from(labOrder)
    .where(and(inArray(labOrder.status, statuses), inFacilities(identity, labOrder.facilityId)))
    .orderBy(asc(labOrder.orderedAt))
    .limit(200);
  for (const r of rows) ctx.audit.record({ action: 'read', entityType: 'LabOrder', entityId: r.id, patientId: r.patientId });
  return rows;
}
