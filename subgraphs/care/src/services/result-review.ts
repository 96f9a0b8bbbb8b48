import { type Context, invalidState, isUuid, notFound, requireCapability, type Tx } from '@clinigraph/kit';
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { labOrder, labOrderItem, labResult } from '../db/schema.ts';
import { assertChartRead, callerProviderId } from './access.ts';
import { emitLabOrderChanged } from './lab-events.ts';
import { patientReleaseDelayHours } from './lab-policy.ts';
import type { LabOrderRow } from './loaders.ts';
import { inFacilities } from './scope.ts';

/** Whether any current result of the order is outside its reference range (abnormal, high, low or critical). */
async function hasAbnormalResult(tx: Tx, orderId: string): Promise<boolean> {
  const [found] = await tx
    .select({ id: labResult.id })
    .from(labResult)
    .innerJoin(labOrderItem, and(eq(labOrderItem.id, labResult.orderItemId), eq(labOrderItem.currentVersion, labResult.version)))
    .where(and(eq(labOrderItem.orderId, orderId), ne(labResult.flag, 'normal')))
    .limit(1);
  return !!found;
}

/**
 * The results rule, at release: normal results reach the patient at once, and so do abnormal ones a doctor
 * has already seen; other abnormal or critical results wait for the ordering doctor, at most the facility's
 * delay.
 */
export async function patientVisibleFrom(tx: Tx, order: LabOrderRow, releasedAt: Date): Promise<Date> {
  if (order.reviewedAt || !(await hasAbnormalResult(tx, order.id))) return releasedAt;
  return new Date(releasedAt.getTime() + (await patientReleaseDelayHours(tx, order.facilityId)) * 3_600_000);
}

/** Records that a doctor has seen an order's results; released results become visible to the patient now if they were waiting. */
export async function markReviewed(tx: Tx, order: LabOrderRow, userId: string, now = new Date()): Promise<LabOrderRow> {
  if (order.reviewedAt) return order;
  const waiting = order.patientVisibleFrom && order.patientVisibleFrom > now;
  const [row] = await tx
    .update(labOrder)
    .set({ reviewedAt: now, reviewedBy: userId, ...(waiting ? { patientVisibleFrom: now } : {}) })
    .where(eq(labOrder.id, order.id))
    .returning();
  return row!;
}

/** A doctor marks an order's verified or released results as seen (the ordering doctor's review). */
export async function markLabResultsSeen(ctx: Context, id: string): Promise<LabOrderRow> {
  const identity = requireCapability(ctx, 'lab.result.review');
  return ctx.db.transaction(async (tx) => {
    const [order] = isUuid(id)
      ? await tx
          .select()
          .from(labOrder)
          .where(and(eq(labOrder.id, id), inFacilities(identity, labOrder.facilityId)))
          .for('update')
      : [];
    if (!order) throw notFound('Lab order');
    assertChartRead(ctx, 'labs', order.patientId, 'Lab order');
    if (order.status !== 'verified' && order.status !== 'released') {
      throw invalidState(`There are no verified results to see yet: the lab order is ${order.status}`, { rule: 'LAB_ORDER_WRONG_STATE', status: order.status });
    }
    const row = await markReviewed(tx, order, identity.userId);
    if (row !== order) {
      await ctx.audit.write(tx, { action: 'update', entityType: 'LabOrder', entityId: order.id, patientId: order.patientId, detail: { reviewed: true } });
      await emitLabOrderChanged(tx, ctx, row, order.status);
    }
    return row;
  });
}

/**
 * The calling doctor's results inbox: verified or released orders they placed whose results they have
 * not marked as seen, oldest first (at most 200).
 */
export async function resultsToReview(ctx: Context): Promise<LabOrderRow[]> {
  const identity = requireCapability(ctx, 'lab.result.review');
  const rows = await ctx.db
    .select()
    .from(labOrder)
    .where(
      and(
        eq(labOrder.orderingProviderId, callerProviderId(identity)),
        inArray(labOrder.status, ['verified', 'released']),
        isNull(labOrder.reviewedAt),
        inFacilities(identity, labOrder.facilityId),
      ),
    )
    .orderBy(asc(labOrder.verifiedAt))
    .limit(200);
  for (const row of rows) ctx.audit.record({ action: 'read', entityType: 'LabOrder', entityId: row.id, patientId: row.patientId, detail: { inbox: true } });
  return rows;
}
