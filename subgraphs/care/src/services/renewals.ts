import {
  type Context,
  conflict,
  forbidden,
  invalidState,
  isUuid,
  notFound,
  parseInput,
  requireCapability,
  requireIdentity,
  translateDbError,
} from '@clinigraph/kit';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { prescription, prescriptionItem, renewalRequest } from '../db/schema.ts';
import type { PrescriptionRow, RenewalRequestRow } from './loaders.ts';
import { lockPrescription } from './prescriptions.ts';
import { inFacilities, prescriptionFacility } from './scope.ts';

const RENEWABLE = new Set<PrescriptionRow['status']>(['finalised', 'partly_dispensed', 'dispensed']);

const requestInput = z.object({
  prescriptionId: z.string(),
  kind: z.enum(['renewal', 'refill']),
  note: z.string().trim().max(1000).nullish(),
});

/** A patient asks for their own prescription to be renewed (a new course) or refilled (one of its refills). */
export async function requestRenewal(ctx: Context, input: z.input<typeof requestInput>): Promise<RenewalRequestRow> {
  const identity = requireIdentity(ctx);
  if (!identity.patientId) throw forbidden('Only a patient can request a renewal of their prescription');
  const data = parseInput(requestInput, input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [rx] = isUuid(data.prescriptionId) ? await tx.select().from(prescription).where(eq(prescription.id, data.prescriptionId)) : [];
      if (!rx || rx.patientId !== identity.patientId || rx.status === 'draft') throw notFound('Prescription');
      if (!RENEWABLE.has(rx.status)) throw invalidState(`A ${rx.status} prescription cannot be renewed`, { rule: 'PRESCRIPTION_NOT_RENEWABLE' });
      if (data.kind === 'refill') {
        const items = await tx.select().from(prescriptionItem).where(eq(prescriptionItem.prescriptionId, rx.id));
        if (!items.some((i) => i.refills > i.refillsUsed)) throw invalidState('No refills are left on this prescription', { rule: 'NO_REFILLS_LEFT' });
      }
      const [row] = await tx
        .insert(renewalRequest)
        .values({ prescriptionId: rx.id, patientId: rx.patientId, kind: data.kind, patientNote: data.note ?? null, requestedBy: identity.userId })
        .returning();
      await ctx.audit.write(tx, { action: 'create', entityType: 'RenewalRequest', entityId: row!.id, patientId: rx.patientId, detail: { kind: data.kind } });
      return row!;
    });
  } catch (err) {
    translateDbError(err, { renewal_request_one_pending_idx: () => conflict('A request for this prescription is already waiting for the doctor') });
  }
}

const decideInput = z
  .object({ requestId: z.string(), approve: z.boolean(), note: z.string().trim().max(1000).nullish() })
  .refine((d) => d.approve || (d.note?.length ?? 0) >= 3, { message: 'Give the patient a reason when declining', path: ['note'] });

/**
 * The doctor's decision. Approval creates a new draft prescription (a renewal copies every line; a
 * refill copies the lines with refills left and uses one of each); the doctor then finalises it
 * through the normal safety checks, against the patient's allergies as they are now.
 */
export async function decideRenewal(ctx: Context, input: z.input<typeof decideInput>): Promise<RenewalRequestRow> {
  const identity = requireCapability(ctx, 'prescription.sign');
  const data = parseInput(decideInput, input);
  return ctx.db.transaction(async (tx) => {
    const [req] = isUuid(data.requestId)
      ? await tx
          .select()
          .from(renewalRequest)
          .where(and(eq(renewalRequest.id, data.requestId), inFacilities(identity, prescriptionFacility(renewalRequest.prescriptionId))))
          .for('update')
      : [];
    if (!req) throw notFound('Renewal request');
    if (req.status !== 'pending') throw invalidState(`The request was already ${req.status}`, { rule: 'REQUEST_ALREADY_DECIDED' });
    let newPrescriptionId: string | null = null;
    if (data.approve) {
      const original = await lockPrescription(ctx, tx, req.prescriptionId);
      const items = await tx.select().from(prescriptionItem).where(eq(prescriptionItem.prescriptionId, original.id));
      const lines = req.kind === 'refill' ? items.filter((i) => i.refills > i.refillsUsed) : items;
      if (lines.length === 0) throw invalidState('No refills are left on this prescription', { rule: 'NO_REFILLS_LEFT' });
      const validUntil = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      const [draft] = await tx
        .insert(prescription)
        .values({
          encounterId: original.encounterId,
          patientId: original.patientId,
          facilityId: original.facilityId,
          prescriberId: identity.providerId ?? original.prescriberId,
          validUntil,
          notes: `${req.kind === 'refill' ? 'Refill' : 'Renewal'} of prescription ${original.id}`,
          renewedFromId: original.id,
          createdBy: identity.userId,
        })
        .returning();
      newPrescriptionId = draft!.id;
      await tx.insert(prescriptionItem).values(
        lines.map(({ id: _id, prescriptionId: _p, dispensedQuantity: _d, refillsUsed: _r, ...line }) => ({
          ...line,
          prescriptionId: draft!.id,
          refills: req.kind === 'refill' ? 0 : line.refills,
        })),
      );
      if (req.kind === 'refill') {
        for (const line of lines)
          await tx
            .update(prescriptionItem)
            .set({ refillsUsed: line.refillsUsed + 1 })
            .where(eq(prescriptionItem.id, line.id));
      }
    }
    const [row] = await tx
      .update(renewalRequest)
      .set({
        status: data.approve ? 'approved' : 'declined',
        decidedBy: identity.userId,
        decidedAt: new Date(),
        decisionNote: data.note ?? null,
        newPrescriptionId,
      })
      .where(eq(renewalRequest.id, req.id))
      .returning();
    await ctx.audit.write(tx, {
      action: 'update',
      entityType: 'RenewalRequest',
      entityId: req.id,
      patientId: req.patientId,
      detail: { status: row!.status, newPrescriptionId },
    });
    return row!;
  });
}

/** Pending requests, oldest first: the doctor's renewal inbox. */
export async function pendingRenewals(ctx: Context): Promise<RenewalRequestRow[]> {
  requireCapability(ctx, 'prescription.sign');
  const rows = await ctx.db
    .select()
    .from(renewalRequest)
    .where(and(inArray(renewalRequest.status, ['pending']), inFacilities(ctx.identity, prescriptionFacility(renewalRequest.prescriptionId))))
    .orderBy(renewalRequest.requestedAt)
    .limit(200);
  for (const r of rows) ctx.audit.record({ action: 'read', entityType: 'RenewalRequest', entityId: r.id, patientId: r.patientId });
  return rows;
}
