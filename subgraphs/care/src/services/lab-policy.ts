import {
  assertFacilityAccess,
  byKey,
  type Context,
  defineLoader,
  invalidState,
  isUuid,
  notFound,
  parseInput,
  requireCapability,
  type Tx,
} from '@clinigraph/kit';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { facilityLabPolicy, labOrderItem, labResult } from '../db/schema.ts';
import type { LabOrderRow } from './loaders.ts';

export interface LabPolicy {
  facilityId: string;
  singlePersonLab: boolean;
  /** Hours an abnormal or critical result waits for the ordering doctor before its patient sees it anyway. */
  patientReleaseDelayHours: number;
}

export const DEFAULT_PATIENT_RELEASE_DELAY_HOURS = 72;

/** Each facility's lab rules, one query per batch; a facility without a row requires four eyes. */
export const labPolicyByFacility = defineLoader<Context, string, LabPolicy>(async (ctx, ids) => {
  const rows = await ctx.db
    .select()
    .from(facilityLabPolicy)
    .where(inArray(facilityLabPolicy.facilityId, ids.filter(isUuid)));
  const found = byKey(ids, rows, (r) => r.facilityId);
  return ids.map((id, i) => ({
    facilityId: id,
    singlePersonLab: found[i]?.singlePersonLab ?? false,
    patientReleaseDelayHours: found[i]?.patientReleaseDelayHours ?? DEFAULT_PATIENT_RELEASE_DELAY_HOURS,
  }));
});

const policyInput = z.object({
  facilityId: z.string(),
  singlePersonLab: z.boolean().nullish(),
  patientReleaseDelayHours: z
    .number()
    .int('Whole hours, please')
    .min(0, 'At least 0 hours')
    .max(30 * 24, 'At most 720 hours (30 days)')
    .nullish(),
});

/**
 * An admin sets a facility's lab rules: whether one person may enter and verify the same order (four eyes
 * otherwise), and how long an abnormal result waits for the doctor before its patient sees it. What is
 * left out stays as it was.
 */
export async function setFacilityLabPolicy(ctx: Context, input: z.input<typeof policyInput>): Promise<LabPolicy> {
  const identity = requireCapability(ctx, 'facility.manage');
  const data = parseInput(policyInput, input);
  if (!isUuid(data.facilityId)) throw notFound('Facility');
  assertFacilityAccess(ctx, data.facilityId, 'Facility');
  const changes = {
    ...(data.singlePersonLab != null ? { singlePersonLab: data.singlePersonLab } : {}),
    ...(data.patientReleaseDelayHours != null ? { patientReleaseDelayHours: data.patientReleaseDelayHours } : {}),
  };
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(facilityLabPolicy)
      .values({ facilityId: data.facilityId, ...changes, updatedBy: identity.userId })
      .onConflictDoUpdate({ target: facilityLabPolicy.facilityId, set: { ...changes, updatedBy: identity.userId, updatedAt: new Date() } })
      .returning();
    await ctx.audit.write(tx, { action: 'update', entityType: 'FacilityLabPolicy', entityId: data.facilityId, detail: changes });
    return { facilityId: row!.facilityId, singlePersonLab: row!.singlePersonLab, patientReleaseDelayHours: row!.patientReleaseDelayHours };
  });
}

/**
 * Four eyes: whoever entered one of the order's current results may not verify it, unless the order's
 * facility allows a single-person lab.
 */
export async function assertFourEyes(tx: Tx, order: LabOrderRow, verifierId: string): Promise<void> {
  const [entered] = await tx
    .select({ by: labResult.enteredBy })
    .from(labResult)
    .innerJoin(labOrderItem, and(eq(labOrderItem.id, labResult.orderItemId), eq(labOrderItem.currentVersion, labResult.version)))
    .where(and(eq(labOrderItem.orderId, order.id), eq(labResult.enteredBy, verifierId)))
    .limit(1);
  if (!entered) return;
  const [policy] = await tx.select().from(facilityLabPolicy).where(eq(facilityLabPolicy.facilityId, order.facilityId));
  if (policy?.singlePersonLab) return;
  throw invalidState('You entered a result on this order, so another member of the lab must verify it (four eyes).', { rule: 'LAB_FOUR_EYES' });
}

/** A facility's delay for abnormal results, read in the transaction that releases them. */
export async function patientReleaseDelayHours(tx: Tx, facilityId: string): Promise<number> {
  const [policy] = await tx.select().from(facilityLabPolicy).where(eq(facilityLabPolicy.facilityId, facilityId));
  return policy?.patientReleaseDelayHours ?? DEFAULT_PATIENT_RELEASE_DELAY_HOURS;
}
