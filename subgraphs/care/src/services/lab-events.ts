import { type Context, emitEvent, type LabOrderChangedPayload, type LabResultCriticalPayload, Topics, type Tx } from '@clinigraph/kit';
import { and, eq, inArray } from 'drizzle-orm';
import { CRITICAL_FLAGS } from '../catalogue/lab-tests.ts';
import { labOrderItem, labResult } from '../db/schema.ts';
import type { LabOrderRow } from './loaders.ts';

const asPayload = (p: object) => p as Record<string, unknown>;

/** lab_order.changed: the order was placed, moved along its workflow, or had a result entered (the lab worklist follows it). */
export async function emitLabOrderChanged(tx: Tx, ctx: Context, order: LabOrderRow, previousStatus: LabOrderRow['status'] | null): Promise<void> {
  const payload: LabOrderChangedPayload = { status: order.status, previousStatus };
  await emitEvent(tx, {
    topic: Topics.labOrderChanged,
    entityType: 'LabOrder',
    entityId: order.id,
    facilityId: order.facilityId,
    patientId: order.patientId,
    providerId: order.orderingProviderId,
    actorId: ctx.identity?.userId ?? null,
    payload: asPayload(payload),
  });
}

/**
 * lab_result.critical for each critical value the lab has just verified (the current version of each
 * test), to the ordering doctor. Raised on verification rather than entry, so a value keyed in by
 * mistake and corrected before verification never alarms anyone; a correction after verification
 * sends the order back for verification, which raises the corrected value if it is still critical.
 */
export async function raiseCriticalResults(tx: Tx, ctx: Context, order: LabOrderRow): Promise<void> {
  const critical = await tx
    .select({ result: labResult, item: labOrderItem })
    .from(labOrderItem)
    .innerJoin(labResult, and(eq(labResult.orderItemId, labOrderItem.id), eq(labResult.version, labOrderItem.currentVersion)))
    .where(and(eq(labOrderItem.orderId, order.id), inArray(labResult.flag, [...CRITICAL_FLAGS])));
  for (const { result, item } of critical) {
    if (result.valueNumeric === null) continue;
    const payload: LabResultCriticalPayload = {
      orderId: order.id,
      orderItemId: item.id,
      testCode: item.testCode,
      testName: item.testName,
      value: Number(result.valueNumeric),
      unit: item.unit,
      flag: result.flag as LabResultCriticalPayload['flag'],
      version: result.version,
    };
    await emitEvent(tx, {
      topic: Topics.labResultCritical,
      entityType: 'LabResult',
      entityId: result.id,
      facilityId: order.facilityId,
      patientId: order.patientId,
      providerId: order.orderingProviderId,
      actorId: ctx.identity?.userId ?? null,
      payload: asPayload(payload),
    });
  }
}
