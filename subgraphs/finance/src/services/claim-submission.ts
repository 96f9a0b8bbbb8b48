import { type Context, invalidState, notFound, parseInput, requireCapability } from '@clinigraph/kit';
import { stringify } from 'csv-stringify/sync';
import { and, asc, eq, inArray, not, sql } from 'drizzle-orm';
import { z } from 'zod';
import { claim, claimLine, claimSubmission, insurancePolicy, invoice, invoiceLine } from '../db/schema.ts';
import { decimalString } from '../money.ts';
import { facilitiesOf, inScope, validId } from './access.ts';
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
    const claims = await tx
      .select()
      .from(claim)
      .where(
        and(inArray(claim.id, ids), inScope(facilitiesOf(ctx), sql`(select ${invoice.facilityId} from ${invoice} where ${invoice.id} = ${claim.invoiceId})`)),
      )
      .orderBy(asc(claim.number))
      .for('update');
    if (claims.length !== new Set(ids).size) throw notFound('Claim');
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

/**
 * A recorded submission and its file, for whoever may see every claim in it: a submission holding
 * another facility's claims is NOT_FOUND to staff of one facility.
 */
export async function readClaimSubmission(ctx: Context, id: string): Promise<ClaimSubmissionRow> {
  requireCapability(ctx, 'finance.read');
  const scope = facilitiesOf(ctx);
  const outside = inScope(scope, invoice.facilityId);
  const [row] = await ctx.db
    .select()
    .from(claimSubmission)
    .where(
      and(
        eq(claimSubmission.id, validId(id, 'Claim submission')),
        outside
          ? not(
              sql`exists (select 1 from ${claim} join ${invoice} on ${invoice.id} = ${claim.invoiceId}
                where ${claim.submissionId} = ${claimSubmission.id} and not coalesce(${outside}, false))`,
            )
          : undefined,
      ),
    );
  if (!row) throw notFound('Claim submission');
  ctx.audit.record({ action: 'export', entityType: 'ClaimSubmission', entityId: row.id });
  return row;
}
