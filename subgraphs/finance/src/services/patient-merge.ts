import { type PatientColumn, type PatientMergedPayload, patientMergeConsumer, repointPatientRows, type Tx } from '@clinigraph/kit';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  charge,
  claim,
  creditEntry,
  creditNote,
  encounterLink,
  insurancePolicy,
  invoice,
  patientCredit,
  patientMerge,
  payment,
  paymentIntent,
  refund,
} from '../db/schema.ts';

/** Finance tables holding a patient id whose rows simply move. Ledger rows and locked invoices move through their triggers' merge exception. */
const patientColumns: Record<string, PatientColumn> = {
  charge: { table: charge, patientId: charge.patientId },
  encounterLink: { table: encounterLink, patientId: encounterLink.patientId },
  invoice: { table: invoice, patientId: invoice.patientId },
  creditNote: { table: creditNote, patientId: creditNote.patientId },
  insurancePolicy: { table: insurancePolicy, patientId: insurancePolicy.patientId },
  claim: { table: claim, patientId: claim.patientId },
  payment: { table: payment, patientId: payment.patientId },
  paymentIntent: { table: paymentIntent, patientId: paymentIntent.patientId },
  creditEntry: { table: creditEntry, patientId: creditEntry.patientId },
  refund: { table: refund, patientId: refund.patientId },
};

/**
 * A policy both records hold (same payer and member id) is one policy: the merged record's claims move to
 * the survivor's copy and the duplicate row goes (the merge's audit entry keeps how many).
 */
async function foldDuplicatePolicies(tx: Tx, { survivorId, mergedId }: PatientMergedPayload): Promise<number> {
  const kept = alias(insurancePolicy, 'kept');
  const pairs = await tx
    .select({ duplicateId: insurancePolicy.id, keptId: kept.id })
    .from(insurancePolicy)
    .innerJoin(kept, and(eq(kept.patientId, survivorId), eq(kept.payer, insurancePolicy.payer), eq(kept.memberId, insurancePolicy.memberId)))
    .where(eq(insurancePolicy.patientId, mergedId));
  for (const { duplicateId, keptId } of pairs) {
    await tx.update(claim).set({ policyId: keptId }).where(eq(claim.policyId, duplicateId));
  }
  if (pairs.length) {
    await tx.delete(insurancePolicy).where(
      inArray(
        insurancePolicy.id,
        pairs.map((p) => p.duplicateId),
      ),
    );
  }
  return pairs.length;
}

/** Payment attempts are idempotent per patient and key: a key both records used keeps the survivor's, the other is renamed. */
async function renameClashingIntentKeys(tx: Tx, { survivorId, mergedId }: PatientMergedPayload): Promise<void> {
  const kept = alias(paymentIntent, 'kept');
  const clashing = await tx
    .select({ id: paymentIntent.id })
    .from(paymentIntent)
    .innerJoin(kept, and(eq(kept.patientId, survivorId), eq(kept.idempotencyKey, paymentIntent.idempotencyKey)))
    .where(eq(paymentIntent.patientId, mergedId));
  if (!clashing.length) return;
  await tx
    .update(paymentIntent)
    .set({ idempotencyKey: sql`'merged:' || ${paymentIntent.idempotencyKey}` })
    .where(
      inArray(
        paymentIntent.id,
        clashing.map((c) => c.id),
      ),
    );
}

/** Credit is kept per patient and currency: the merged record's balances add to the survivor's. */
async function addUpCredit(tx: Tx, { survivorId, mergedId }: PatientMergedPayload): Promise<number> {
  const balances = await tx.delete(patientCredit).where(eq(patientCredit.patientId, mergedId)).returning();
  for (const b of balances) {
    await tx
      .insert(patientCredit)
      .values({ patientId: survivorId, currency: b.currency, balanceMinor: b.balanceMinor })
      .onConflictDoUpdate({
        target: [patientCredit.patientId, patientCredit.currency],
        set: { balanceMinor: sql`${patientCredit.balanceMinor} + ${b.balanceMinor}`, updatedAt: new Date() },
      });
  }
  return balances.length;
}

/** On `patient.merged`, the merged record's charges, invoices, payments, credit, policies and claims become the survivor's. */
export const financePatientMerge = patientMergeConsumer('finance', patientMerge, async (tx, merge) => {
  const policiesFolded = await foldDuplicatePolicies(tx, merge);
  await renameClashingIntentKeys(tx, merge);
  const creditBalances = await addUpCredit(tx, merge);
  const moved = await repointPatientRows(tx, patientColumns, merge);
  return { ...moved, ...(policiesFolded ? { policiesFolded } : {}), ...(creditBalances ? { creditBalances } : {}) };
});
