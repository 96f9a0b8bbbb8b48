import {
  type Context,
  emitEvent,
  invalidState,
  isUuid,
  notFound,
  type PrescriptionFinalisedPayload,
  parseInput,
  requireCapability,
  Topics,
  type Tx,
} from '@clinigraph/kit';
import { and, asc, eq, gte, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { checkPrescription, type SafetyFinding } from '../catalogue/safety.ts';
import { prescription, prescriptionItem, safetyAcknowledgement } from '../db/schema.ts';
import type { PrescriptionItemRow, PrescriptionRow } from './loaders.ts';
import { patientAllergies } from './peers.ts';
import { assertDraft, lockPrescription, today } from './prescriptions.ts';
import { inFacilities } from './scope.ts';

/** The patient's other live prescriptions: finalised or partly dispensed, still valid. */
async function currentMedicines(tx: Tx | Context['db'], row: PrescriptionRow) {
  const others = tx
    .select({ id: prescription.id })
    .from(prescription)
    .where(
      and(
        eq(prescription.patientId, row.patientId),
        ne(prescription.id, row.id),
        inArray(prescription.status, ['finalised', 'partly_dispensed']),
        gte(prescription.validUntil, today()),
      ),
    );
  return tx
    .select({ medicineName: prescriptionItem.medicineName, genericName: prescriptionItem.genericName })
    .from(prescriptionItem)
    .where(inArray(prescriptionItem.prescriptionId, others));
}

const itemsOf = (tx: Tx | Context['db'], id: string): Promise<PrescriptionItemRow[]> =>
  tx.select().from(prescriptionItem).where(eq(prescriptionItem.prescriptionId, id)).orderBy(asc(prescriptionItem.position));

/**
 * The safety check without finalising, for the prescriber to see warnings first. Allergies come from
 * people at this moment (never from the client, never from a copy); the interaction table is offline.
 */
export async function safetyCheck(ctx: Context, id: string): Promise<SafetyFinding[]> {
  requireCapability(ctx, 'prescription.sign');
  const [row] = isUuid(id)
    ? await ctx.db
        .select()
        .from(prescription)
        .where(and(eq(prescription.id, id), inFacilities(ctx.identity, prescription.facilityId)))
    : [];
  if (!row) throw notFound('Prescription');
  const allergies = await patientAllergies(ctx, row.patientId);
  ctx.audit.record({ action: 'read', entityType: 'Prescription', entityId: row.id, patientId: row.patientId, detail: { safetyCheck: true } });
  return checkPrescription(await itemsOf(ctx.db, row.id), allergies, await currentMedicines(ctx.db, row));
}

const finaliseInput = z.object({
  id: z.string(),
  acknowledgements: z
    .array(z.object({ findingKey: z.string().min(1), reason: z.string().trim().min(5, 'Give a reason of at least 5 characters').max(1000) }))
    .default([]),
});

/**
 * Finalises a draft. Blocking findings (a severe allergy, a contraindicated combination) stop it;
 * every warning must be acknowledged with a reason, which is kept. Nothing is written unless it passes.
 */
export async function finalisePrescription(ctx: Context, input: z.input<typeof finaliseInput>): Promise<PrescriptionRow> {
  const identity = requireCapability(ctx, 'prescription.sign');
  const data = parseInput(finaliseInput, input);
  const [draft] = isUuid(data.id)
    ? await ctx.db
        .select()
        .from(prescription)
        .where(and(eq(prescription.id, data.id), inFacilities(identity, prescription.facilityId)))
    : [];
  if (!draft) throw notFound('Prescription');
  assertDraft(draft);
  const allergies = await patientAllergies(ctx, draft.patientId);
  return ctx.db.transaction(async (tx) => {
    const row = await lockPrescription(ctx, tx, data.id);
    assertDraft(row);
    if (row.validUntil < today()) throw invalidState('The prescription’s validity has passed; change it before finalising', { rule: 'PRESCRIPTION_EXPIRED' });
    const items = await itemsOf(tx, row.id);
    if (items.length === 0) throw invalidState('A prescription needs at least one medicine', { rule: 'PRESCRIPTION_EMPTY' });
    const findings = checkPrescription(items, allergies, await currentMedicines(tx, row));
    const blocking = findings.filter((f) => f.level === 'block');
    if (blocking.length) {
      throw invalidState(`Finalising is blocked: ${blocking.map((f) => f.message).join(' ')}`, { rule: 'PRESCRIPTION_SAFETY_BLOCK', findings: blocking });
    }
    const acks = new Map(data.acknowledgements.map((a) => [a.findingKey, a.reason]));
    const unacknowledged = findings.filter((f) => f.level === 'warning' && !acks.has(f.key));
    if (unacknowledged.length) {
      throw invalidState(`Acknowledge each warning with a reason: ${unacknowledged.map((f) => f.message).join(' ')}`, {
        rule: 'ACKNOWLEDGEMENT_REQUIRED',
        findings: unacknowledged,
      });
    }
    const acknowledged = findings.filter((f) => f.level === 'warning');
    if (acknowledged.length) {
      await tx.insert(safetyAcknowledgement).values(
        acknowledged.map((f) => ({
          prescriptionId: row.id,
          findingKey: f.key,
          severity: f.severity,
          message: f.message,
          reason: acks.get(f.key)!,
          acknowledgedBy: identity.userId,
        })),
      );
    }
    const [updated] = await tx
      .update(prescription)
      .set({ status: 'finalised', finalisedAt: new Date(), finalisedBy: identity.userId, updatedAt: new Date() })
      .where(eq(prescription.id, row.id))
      .returning();
    await ctx.audit.write(tx, {
      action: 'update',
      entityType: 'Prescription',
      entityId: row.id,
      patientId: row.patientId,
      detail: {
        status: 'finalised',
        acknowledged: acknowledged.map((f) => f.key),
        informational: findings.filter((f) => f.level === 'info').map((f) => f.key),
      },
    });
    const payload: PrescriptionFinalisedPayload = {
      validUntil: row.validUntil,
      items: items.map((i) => ({ prescriptionItemId: i.id, itemId: i.itemId, genericName: i.genericName, quantity: i.quantity })),
    };
    await emitEvent(tx, {
      topic: Topics.prescriptionFinalised,
      entityType: 'Prescription',
      entityId: row.id,
      facilityId: row.facilityId,
      patientId: row.patientId,
      providerId: row.prescriberId,
      actorId: identity.userId,
      payload: payload as unknown as Record<string, unknown>,
    });
    return updated!;
  });
}
