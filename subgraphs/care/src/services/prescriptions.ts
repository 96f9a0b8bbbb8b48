import { badInput, type Context, invalidState, isUuid, notFound, parseInput, requireCapability, type Tx } from '@clinigraph/kit';
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { prescription, prescriptionItem, routeEnum } from '../db/schema.ts';
import { assertOpen, lockEncounter } from './encounters.ts';
import type { PrescriptionItemRow, PrescriptionRow } from './loaders.ts';
import { catalogueMedicines } from './peers.ts';
import { inFacilities, prescriptionFacility } from './scope.ts';

export const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Locks a prescription for a write; another facility's is NOT_FOUND. */
export async function lockPrescription(ctx: Context, tx: Tx, id: string): Promise<PrescriptionRow> {
  const [row] = isUuid(id)
    ? await tx
        .select()
        .from(prescription)
        .where(and(eq(prescription.id, id), inFacilities(ctx.identity, prescription.facilityId)))
        .for('update')
    : [];
  if (!row) throw notFound('Prescription');
  return row;
}

export function assertDraft(row: PrescriptionRow): void {
  if (row.status !== 'draft')
    throw invalidState(`The prescription is ${row.status.replace('_', ' ')}; only a draft can be changed`, { rule: 'PRESCRIPTION_NOT_DRAFT' });
}

export const itemInput = z.object({
  itemId: z.uuid(),
  dose: z.string().trim().min(1).max(100),
  route: z.enum(routeEnum.enumValues),
  frequency: z.string().trim().min(1).max(100),
  durationDays: z.int().min(1).max(365),
  quantity: z.int().min(1).max(10_000),
  instructions: z.string().trim().max(1000).nullish(),
  refills: z.int().min(0).max(12).default(0),
});
export type ItemInput = z.output<typeof itemInput>;

/**
 * The medicines' catalogue details, read from supply as the caller. The prescription keeps a copy of
 * what was prescribed (name, generic name, strength, form): a legal record that must not change
 * when the catalogue does. Generic names drive the interaction check, so they never come from the client.
 */
async function medicineSnapshots(ctx: Context, items: ItemInput[]) {
  const ids = [...new Set(items.map((i) => i.itemId))];
  const found = await catalogueMedicines(ctx, ids);
  const byId = new Map(ids.map((id, n) => [id, found[n] ?? null]));
  return items.map((item, n) => {
    const med = byId.get(item.itemId);
    if (!med) throw badInput(`Item ${item.itemId} is not in the catalogue`, [{ path: `items.${n}.itemId`, message: 'Unknown item' }]);
    if (med.kind !== 'MEDICINE' || !med.genericName) {
      throw badInput(`${med.name} is not a medicine with a generic name`, [{ path: `items.${n}.itemId`, message: 'Not a medicine' }]);
    }
    return { item, med: { medicineName: med.name, genericName: med.genericName.toLowerCase(), strength: med.strength, form: med.form } };
  });
}

async function insertItems(tx: Tx, prescriptionId: string, snapshots: Awaited<ReturnType<typeof medicineSnapshots>>): Promise<void> {
  if (snapshots.length === 0) return;
  const [{ next } = { next: 0 }] = await tx
    .select({ next: sql<number>`coalesce(max(${prescriptionItem.position}), 0)::int` })
    .from(prescriptionItem)
    .where(eq(prescriptionItem.prescriptionId, prescriptionId));
  await tx.insert(prescriptionItem).values(
    snapshots.map(({ item, med }, n) => ({
      prescriptionId,
      itemId: item.itemId,
      ...med,
      dose: item.dose,
      route: item.route,
      frequency: item.frequency,
      durationDays: item.durationDays,
      quantity: item.quantity,
      instructions: item.instructions ?? null,
      refills: item.refills,
      position: Number(next) + n + 1,
    })),
  );
}

const createInput = z.object({
  encounterId: z.string(),
  validUntil: z.iso.date().nullish(),
  notes: z.string().trim().max(2000).nullish(),
  items: z.array(itemInput).max(20).default([]),
});

export async function createPrescription(ctx: Context, input: z.input<typeof createInput>): Promise<PrescriptionRow> {
  const identity = requireCapability(ctx, 'prescription.sign');
  const data = parseInput(createInput, input);
  const validUntil = data.validUntil ?? inDays(30);
  if (validUntil < today()) throw badInput('validUntil is in the past', [{ path: 'validUntil', message: 'In the past' }]);
  const snapshots = await medicineSnapshots(ctx, data.items);
  return ctx.db.transaction(async (tx) => {
    const enc = await lockEncounter(ctx, tx, data.encounterId);
    assertOpen(enc);
    const [row] = await tx
      .insert(prescription)
      .values({
        encounterId: enc.id,
        patientId: enc.patientId,
        facilityId: enc.facilityId,
        prescriberId: identity.providerId ?? enc.providerId,
        validUntil,
        notes: data.notes ?? null,
        createdBy: identity.userId,
      })
      .returning();
    await insertItems(tx, row!.id, snapshots);
    await ctx.audit.write(tx, {
      action: 'create',
      entityType: 'Prescription',
      entityId: row!.id,
      patientId: enc.patientId,
      detail: { items: snapshots.length },
    });
    return row!;
  });
}

export async function addPrescriptionItem(ctx: Context, prescriptionId: string, input: z.input<typeof itemInput>): Promise<PrescriptionRow> {
  requireCapability(ctx, 'prescription.sign');
  const item = parseInput(itemInput, input);
  const snapshots = await medicineSnapshots(ctx, [item]);
  return ctx.db.transaction(async (tx) => {
    const row = await lockPrescription(ctx, tx, prescriptionId);
    assertDraft(row);
    await insertItems(tx, row.id, snapshots);
    await ctx.audit.write(tx, { action: 'update', entityType: 'Prescription', entityId: row.id, patientId: row.patientId, detail: { added: item.itemId } });
    return row;
  });
}

export async function removePrescriptionItem(ctx: Context, itemId: string): Promise<PrescriptionRow> {
  requireCapability(ctx, 'prescription.sign');
  return ctx.db.transaction(async (tx) => {
    const [line] = isUuid(itemId)
      ? await tx
          .select()
          .from(prescriptionItem)
          .where(and(eq(prescriptionItem.id, itemId), inFacilities(ctx.identity, prescriptionFacility(prescriptionItem.prescriptionId))))
      : [];
    if (!line) throw notFound('Prescription item');
    const row = await lockPrescription(ctx, tx, line.prescriptionId);
    assertDraft(row);
    await tx.delete(prescriptionItem).where(eq(prescriptionItem.id, line.id));
    await ctx.audit.write(tx, { action: 'update', entityType: 'Prescription', entityId: row.id, patientId: row.patientId, detail: { removed: line.itemId } });
    return row;
  });
}

const cancelInput = z.object({ id: z.string(), reason: z.string().trim().min(3).max(500) });

/** Discards a draft, or cancels what is left of a finalised or partly dispensed prescription. */
export async function cancelPrescription(ctx: Context, input: z.input<typeof cancelInput>): Promise<PrescriptionRow> {
  requireCapability(ctx, 'prescription.sign');
  const data = parseInput(cancelInput, input);
  return ctx.db.transaction(async (tx) => {
    const row = await lockPrescription(ctx, tx, data.id);
    if (row.status === 'dispensed' || row.status === 'cancelled') {
      throw invalidState(`A ${row.status} prescription cannot be cancelled`, { rule: 'PRESCRIPTION_NOT_CANCELLABLE' });
    }
    const [updated] = await tx
      .update(prescription)
      .set({ status: 'cancelled', cancelledAt: new Date(), cancelReason: data.reason, updatedAt: new Date() })
      .where(eq(prescription.id, row.id))
      .returning();
    await ctx.audit.write(tx, {
      action: 'update',
      entityType: 'Prescription',
      entityId: row.id,
      patientId: row.patientId,
      detail: { status: 'cancelled', from: row.status },
    });
    return updated!;
  });
}

export type { PrescriptionItemRow };

/** Finalised or partly dispensed and still valid, at the caller's facilities: the pharmacy's queue, oldest first. */
export async function dispensablePrescriptions(ctx: Context): Promise<PrescriptionRow[]> {
  const identity = requireCapability(ctx, 'prescription.read');
  const rows = await ctx.db
    .select()
    .from(prescription)
    .where(
      and(
        inArray(prescription.status, ['finalised', 'partly_dispensed']),
        gte(prescription.validUntil, today()),
        inFacilities(identity, prescription.facilityId),
      ),
    )
    .orderBy(asc(prescription.finalisedAt))
    .limit(200);
  for (const r of rows) ctx.audit.record({ action: 'read', entityType: 'Prescription', entityId: r.id, patientId: r.patientId });
  return rows;
}
