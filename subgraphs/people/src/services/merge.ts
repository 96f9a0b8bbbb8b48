import {
  badInput,
  type Context,
  emitEvent,
  invalidState,
  notFound,
  type PatientMergedPayload,
  parseInput,
  requireCapability,
  Topics,
  type Tx,
} from '@clinigraph/kit';
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { account, allergy, emergencyContact, insuranceDetail, patient } from '../db/schema.ts';
import { uuid } from './inputs.ts';
import type { PatientRow } from './loaders.ts';
import { canSeePatientOf, facilitiesOfPatient, linkPatientToFacility } from './patient-scope.ts';
import { revokeAllSessions } from './sessions.ts';

const mergeSchema = z.object({
  keepId: uuid,
  mergeId: uuid,
  reason: z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters'),
});

/** What happened to the merged record's sign-in, if it had one. */
export type MergedAccountOutcome = 'none' | 'relinked' | 'deactivated';

export interface PatientMergeResult {
  survivor: PatientRow;
  merged: PatientRow;
  /** The survivor's fields that were empty and were filled from the merged record. */
  copiedFields: string[];
  account: MergedAccountOutcome;
}

/** Details of the survivor that the merged record may fill when the survivor has none. */
const fillable = ['phone', 'email', 'address', 'bloodGroup', 'registeredFacilityId'] as const;

/**
 * An admin merges a duplicate patient record (`mergeId`) into the one kept (`keepId`), in one transaction:
 * - the survivor keeps its identifying details; its empty contact details, blood group and registration
 *   facility are filled from the merged record, chronic conditions are united, and the merged record's
 *   allergies, emergency contacts and insurance details move to it;
 * - the merged record stays as a tombstone (`mergedIntoId`, `mergedAt`), out of searches and the
 *   duplicate check, for the audit trail and history;
 * - a patient account on the merged record moves to the survivor when the survivor has none; else it is
 *   deactivated (its sessions end) and the person signs in with the survivor's account;
 * - the write is audited with the reason on both records, and `patient.merged` is emitted last so the
 *   other subgraphs re-point their rows.
 */
export async function mergePatients(ctx: Context, input: unknown): Promise<PatientMergeResult> {
  const admin = requireCapability(ctx, 'patient.merge');
  const { keepId, mergeId, reason } = parseInput(mergeSchema, input);
  if (keepId === mergeId) throw badInput('mergeId: a record cannot be merged into itself', [{ path: 'mergeId', message: 'is the record kept' }]);
  return ctx.db.transaction(async (tx) => {
    // Both rows locked in one statement, in id order, so two merges of the same pair cannot deadlock or both pass.
    const rows = await tx
      .select()
      .from(patient)
      .where(inArray(patient.id, [keepId, mergeId]))
      .orderBy(patient.id)
      .for('update');
    const keep = rows.find((r) => r.id === keepId);
    const merged = rows.find((r) => r.id === mergeId);
    if (!keep || !merged) throw notFound('Patient');
    // A confined admin merges only patients of their facilities: another facility's record is NOT_FOUND.
    for (const row of [keep, merged]) if (!canSeePatientOf(admin, row.id, await facilitiesOfPatient(tx, row.id))) throw notFound('Patient');
    for (const row of [keep, merged]) {
      if (row.mergedIntoId) throw invalidState(`${row.mrn} was already merged into another record`, { patientId: row.id, survivorId: row.mergedIntoId });
    }
    const copiedFields = fillable.filter((f) => keep[f] == null && merged[f] != null);
    const chronicConditions = [...new Set([...keep.chronicConditions, ...merged.chronicConditions])];
    const now = new Date();
    const [survivor] = await tx
      .update(patient)
      .set({ ...Object.fromEntries(copiedFields.map((f) => [f, merged[f]])), chronicConditions, updatedAt: now })
      .where(eq(patient.id, keepId))
      .returning();
    const [tombstone] = await tx.update(patient).set({ mergedIntoId: keepId, mergedAt: now, updatedAt: now }).where(eq(patient.id, mergeId)).returning();
    const moved = await moveListItems(tx, mergeId, keepId);
    // The survivor belongs to every facility either record belonged to; the tombstone keeps its own for history.
    for (const facilityId of await facilitiesOfPatient(tx, mergeId)) await linkPatientToFacility(tx, keepId, facilityId);
    const accountOutcome = await handleAccount(tx, mergeId, keepId);
    const detail = { survivorId: keepId, mergedId: mergeId, reason, copiedFields, moved, account: accountOutcome };
    await ctx.audit.write(tx, { action: 'update', entityType: 'PatientMerge', entityId: mergeId, patientId: keepId, detail });
    await ctx.audit.write(tx, { action: 'update', entityType: 'PatientMerge', entityId: mergeId, patientId: mergeId, detail });
    const payload: PatientMergedPayload = { survivorId: keepId, mergedId: mergeId };
    await emitEvent(tx, {
      topic: Topics.patientMerged,
      entityType: 'Patient',
      entityId: mergeId,
      patientId: keepId,
      actorId: admin.userId,
      payload: { ...payload },
    });
    return { survivor: survivor!, merged: tombstone!, copiedFields: [...copiedFields], account: accountOutcome };
  });
}

async function moveListItems(tx: Tx, from: string, to: string): Promise<Record<string, number>> {
  const allergies = await tx.update(allergy).set({ patientId: to }).where(eq(allergy.patientId, from)).returning({ id: allergy.id });
  const contacts = await tx.update(emergencyContact).set({ patientId: to }).where(eq(emergencyContact.patientId, from)).returning({ id: emergencyContact.id });
  const insurance = await tx.update(insuranceDetail).set({ patientId: to }).where(eq(insuranceDetail.patientId, from)).returning({ id: insuranceDetail.id });
  return { allergies: allergies.length, emergencyContacts: contacts.length, insuranceDetails: insurance.length };
}

async function handleAccount(tx: Tx, from: string, to: string): Promise<MergedAccountOutcome> {
  const [mergedAccount] = await tx.select({ id: account.id }).from(account).where(eq(account.patientId, from)).for('update');
  if (!mergedAccount) return 'none';
  const [survivorAccount] = await tx.select({ id: account.id }).from(account).where(eq(account.patientId, to));
  if (!survivorAccount) {
    // The next token refresh reads the account again and carries the survivor's id.
    await tx.update(account).set({ patientId: to }).where(eq(account.id, mergedAccount.id));
    return 'relinked';
  }
  await tx.update(account).set({ status: 'deactivated' }).where(eq(account.id, mergedAccount.id));
  // Its sessions end at once, access tokens and open websockets included.
  await revokeAllSessions(tx, mergedAccount.id, 'deactivated');
  return 'deactivated';
}
