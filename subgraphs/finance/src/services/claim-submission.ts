import { type Context, invalidState, parseInput, requireCapability } from '@clinigraph/kit';
import { stringify } from 'csv-stringify/sync';
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { claim, claimLine, claimSubmission, insurancePolicy, invoice, invoiceLine } from '../db/schema.ts';
import { decimalString } from '../money.ts';
import { emitInvoiceChanged } from './events.ts';

export type ClaimSubmissionRow = typeof claimSubmission.$inferSelect;

const CSV_COLUMNS = [
  'claim_number',
  'payer',
  'member_id',
  'group_number',
  'patient_id',
  'invoice_number',
  'line',
  'service_date',
  'service_type',
  'code',
  'description',
  'quantity',
  'line_total',
  'claimed_amount',
  'currency',
];

/**
 * Submits draft claims. There is no clearing-house: the submission is recorded with the export file
 * (one CSV row per claimed line) that is sent to the payers.
 */
export async function submitClaims(ctx: Context, rawIds: string[]): Promise<ClaimSubmissionRow> {
  const identity = requireCapability(ctx, 'insurance.manage');
  const ids = parseInput(z.array(z.uuid()).min(1).max(500), rawIds);
  return ctx.db.transaction(async (tx) => {
    const claims = await tx.select().from(claim).where(inArray(claim.id, ids)).orderBy(asc(claim.number)).for('update');
    if (claims.length !== new Set(ids).size) throw invalidState('Some claims do not exist');
    const notDraft = claims.filter((c) => c.status !== 'draft');
    if (notDraft.length) throw invalidState(`Only draft claims can be submitted: ${notDraft.map((c) => `${c.number} is ${c.status}`).join(', ')}`);
    const rows = await tx
      .select({ claim, line: claimLine, invoiceLine, policy: insurancePolicy, invoiceNumber: invoice.number })
      .from(claimLine)
      .innerJoin(claim, eq(claim.id, claimLine.claimId))
      .innerJoin(invoiceLine, eq(invoiceLine.id, claimLine.invoiceLineId))
      .innerJoin(invoice, eq(invoice.id, claim.invoiceId))
      .innerJoin(insurancePolicy, eq(insurancePolicy.id, claim.policyId))
      .where(inArray(claimLine.claimId, ids))
      .orderBy(asc(claim.number), asc(invoiceLine.position));
    const content = stringify(
      rows.map((r) => [
        r.claim.number,
        r.policy.payer,
        r.policy.memberId,
        r.policy.groupNumber ?? '',
        r.claim.patientId,
        r.invoiceNumber,
        r.invoiceLine.position,
        r.invoiceLine.serviceDate,
        r.invoiceLine.serviceType,
        r.invoiceLine.code,
        r.invoiceLine.description,
        r.invoiceLine.quantity,
        decimalString(r.invoiceLine.totalMinor, r.claim.currency),
        decimalString(r.line.claimedMinor, r.claim.currency),
        r.claim.currency,
      ]),
      { header: true, columns: CSV_COLUMNS },
    );
    const now = new Date();
    const [submission] = await tx
      .insert(claimSubmission)
      .values({
        fileName: `claims-${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z.csv`,
        content,
        claimCount: claims.length,
        createdBy: identity.userId,
      })
      .returning();
    await tx.update(claim).set({ status: 'submitted', submittedAt: now, submissionId: submission!.id }).where(inArray(claim.id, ids));
    for (const c of claims) {
      await ctx.audit.write(tx, { action: 'export', entityType: 'Claim', entityId: c.id, patientId: c.patientId, detail: { submission: submission!.number } });
    }
    const invoices = await tx
      .select()
      .from(invoice)
      .where(
        inArray(
          invoice.id,
          claims.map((c) => c.invoiceId),
        ),
      );
    for (const inv of invoices) await emitInvoiceChanged(tx, inv, identity.userId, 'claim_submitted');
    return submission!;
  });
}
