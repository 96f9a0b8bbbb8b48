import { type Context, type Identity, invalidState, isUuid, notFound, requireCapability } from '@clinigraph/kit';
import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { CRITICAL_FLAGS, isCritical } from '../catalogue/lab-tests.ts';
import { criticalResultAcknowledgement, labOrder, labOrderItem, labResult } from '../db/schema.ts';
import { assertChartRead, callerProviderId } from './access.ts';
import type { LabOrderItemRow, LabOrderRow, LabResultRow } from './loaders.ts';
import { markReviewed } from './result-review.ts';
import { chartVisible, inFacilities } from './scope.ts';

export type AcknowledgementRow = typeof criticalResultAcknowledgement.$inferSelect;

/** One critical result (a version of a lab result), its test and order, and its acknowledgement if any. */
export interface CriticalResultRow {
  result: LabResultRow;
  item: LabOrderItemRow;
  order: LabOrderRow;
  acknowledgement: AcknowledgementRow | null;
}

const selectCritical = (db: Context['db']) =>
  db
    .select({ result: labResult, item: labOrderItem, order: labOrder, acknowledgement: criticalResultAcknowledgement })
    .from(labResult)
    .innerJoin(labOrderItem, eq(labOrderItem.id, labResult.orderItemId))
    .innerJoin(labOrder, eq(labOrder.id, labOrderItem.orderId))
    .leftJoin(criticalResultAcknowledgement, eq(criticalResultAcknowledgement.labResultId, labResult.id));

/** One result, if its order is at a facility the condition allows (`scope`, services/scope.ts). */
async function loadResult(db: Context['db'], resultId: string, scope: SQL | undefined): Promise<CriticalResultRow | null> {
  if (!isUuid(resultId)) return null;
  const [row] = await selectCritical(db).where(and(eq(labResult.id, resultId), scope));
  return row ?? null;
}

/**
 * A critical result for a clinician who may read the patient's labs (what a live alert links to).
 * Missing, not critical, or another patient's: NOT_FOUND. The read is audited.
 */
export async function readCriticalResult(ctx: Context, resultId: string): Promise<CriticalResultRow> {
  const row = await loadResult(ctx.db, resultId, chartVisible(ctx.identity, labOrder.facilityId, labOrder.patientId));
  if (!row || !isCritical(row.result.flag)) throw notFound('Critical result');
  assertChartRead(ctx, 'labs', row.order.patientId, 'Critical result');
  ctx.audit.record({ action: 'read', entityType: 'LabResult', entityId: row.result.id, patientId: row.order.patientId, detail: { critical: true } });
  return row;
}

/**
 * The care team only (`lab.critical.acknowledge`: an admin does not hold it, so that no one outside the
 * care team can clear a doctor's alert).
 */
const requireAcknowledger = (ctx: Context): Identity =>
  requireCapability(ctx, 'lab.critical.acknowledge', 'Only the ordering doctor or clinical staff acknowledge critical results');

/**
 * Records that a clinician has seen a critical result: who and when, once. The ordering doctor, or a
 * doctor or nurse on their behalf, may acknowledge. Acknowledging again changes nothing and answers
 * the first acknowledgement, so a retried or doubled click is harmless.
 */
export async function acknowledgeCriticalResult(ctx: Context, resultId: string): Promise<CriticalResultRow> {
  const identity = requireAcknowledger(ctx);
  const row = await loadResult(ctx.db, resultId, inFacilities(identity, labOrder.facilityId));
  if (!row) throw notFound('Lab result');
  assertChartRead(ctx, 'labs', row.order.patientId, 'Lab result');
  if (!isCritical(row.result.flag)) {
    throw invalidState('Only a critical result needs acknowledging', { rule: 'RESULT_NOT_CRITICAL', flag: row.result.flag });
  }
  return ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(criticalResultAcknowledgement)
      .values({ labResultId: row.result.id, acknowledgedBy: identity.userId })
      .onConflictDoNothing()
      .returning();
    if (created) {
      // Acknowledging a critical value is the doctor seeing the order's results.
      const [order] = await tx.select().from(labOrder).where(eq(labOrder.id, row.order.id)).for('update');
      if (order) await markReviewed(tx, order, identity.userId);
      await ctx.audit.write(tx, {
        action: 'create',
        entityType: 'CriticalResultAcknowledgement',
        entityId: row.result.id,
        patientId: row.order.patientId,
        detail: { orderId: row.order.id, test: row.item.testCode, version: row.result.version, orderingProviderId: row.order.orderingProviderId },
      });
      return { ...row, acknowledgement: created };
    }
    const [existing] = await tx.select().from(criticalResultAcknowledgement).where(eq(criticalResultAcknowledgement.labResultId, row.result.id));
    ctx.audit.record({ action: 'read', entityType: 'LabResult', entityId: row.result.id, patientId: row.order.patientId, detail: { critical: true } });
    return { ...row, acknowledgement: existing! };
  });
}

/**
 * The calling doctor's critical results still waiting for an acknowledgement, oldest first: the
 * current version of each critical value on orders they placed that the lab has verified (when the
 * alert is raised). A corrected value replaces the earlier one here.
 */
export async function unacknowledgedCriticalResults(ctx: Context): Promise<CriticalResultRow[]> {
  const identity = requireCapability(ctx, 'lab.critical.inbox', 'Critical results are listed for the ordering doctor');
  const providerId = callerProviderId(identity);
  const rows = await selectCritical(ctx.db)
    .where(
      and(
        eq(labOrder.orderingProviderId, providerId),
        inArray(labOrder.status, ['verified', 'released']),
        inArray(labResult.flag, [...CRITICAL_FLAGS]),
        eq(labResult.version, labOrderItem.currentVersion),
        isNull(criticalResultAcknowledgement.labResultId),
        inFacilities(identity, labOrder.facilityId),
      ),
    )
    .orderBy(asc(labOrder.verifiedAt), asc(labResult.enteredAt))
    .limit(200);
  for (const r of rows) {
    assertChartRead(ctx, 'labs', r.order.patientId, 'Critical result');
    ctx.audit.record({ action: 'read', entityType: 'LabResult', entityId: r.result.id, patientId: r.order.patientId, detail: { critical: true } });
  }
  return rows;
}
