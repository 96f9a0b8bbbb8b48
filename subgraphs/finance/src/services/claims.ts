import { badInput, type Context, invalidState, notFound, parseInput, requireCapability, type Tx } from '@clinigraph/kit';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { claim, claimLine, creditNoteLine, insurancePolicy, invoice, invoiceLine } from '../db/schema.ts';
import { amountInput, basisPointsOf } from '../money.ts';
import { facilitiesOf, inScope, validId } from './access.ts';
import { emitInvoiceChanged } from './events.ts';
import { lockScopedInvoice } from './invoice-core.ts';
import type { ClaimRow, InvoiceRow, PaymentRow } from './loaders.ts';
import { finishPayment, tender } from './payments.ts';

/**
 * What the payers are expected to pay on an invoice: the claimed amount while a claim is pending, the
 * approved amount once adjudicated, nothing for a denial. The patient's share is the rest.
 */
export async function recomputeInsuranceShare(tx: Tx, inv: InvoiceRow): Promise<InvoiceRow> {
  const [row] = await tx
    .select({
      share: sql<number>`coalesce(sum(CASE
        WHEN ${claim.status} IN ('approved', 'partially_approved', 'paid') THEN ${claim.approvedMinor}
        WHEN ${claim.status} = 'denied' THEN 0
        ELSE ${claim.claimedMinor} END), 0)::bigint`.mapWith(Number),
    })
    .from(claim)
    .where(eq(claim.invoiceId, inv.id));
  const [updated] = await tx
    .update(invoice)
    .set({ insuranceShareMinor: row?.share ?? 0, updatedAt: new Date() })
    .where(eq(invoice.id, inv.id))
    .returning();
  return updated!;
}

const claimInput = z.object({ invoiceId: z.uuid(), policyId: z.uuid(), invoiceLineIds: z.array(z.uuid()).min(1).max(500).nullish() });

/** A draft claim to the patient's insurer for invoice lines, at the policy's coverage or less its copay. */
export async function createClaim(ctx: Context, raw: z.input<typeof claimInput>): Promise<ClaimRow> {
  const identity = requireCapability(ctx, 'insurance.manage');
  const input = parseInput(claimInput, raw);
  return ctx.db.transaction(async (tx) => {
    const inv = await lockScopedInvoice(ctx, tx, input.invoiceId);
    if (!['issued', 'partially_paid', 'paid'].includes(inv.status))
      throw invalidState(`A ${inv.status} invoice cannot be claimed`, { invoiceStatus: inv.status });
    const [policy] = await tx.select().from(insurancePolicy).where(eq(insurancePolicy.id, input.policyId));
    if (!policy || policy.patientId !== inv.patientId) throw notFound('Insurance policy');
    if (!policy.active) throw invalidState('This policy is no longer active');
    if (policy.currency !== inv.currency) throw badInput(`The policy is in ${policy.currency}, the invoice in ${inv.currency}`);
    const allLines = await tx.select().from(invoiceLine).where(eq(invoiceLine.invoiceId, inv.id)).orderBy(invoiceLine.position);
    const claimed = new Set(
      (
        await tx
          .select({ id: claimLine.invoiceLineId })
          .from(claimLine)
          .where(
            inArray(
              claimLine.invoiceLineId,
              allLines.map((l) => l.id),
            ),
          )
      ).map((r) => r.id),
    );
    const lines = input.invoiceLineIds ? allLines.filter((l) => input.invoiceLineIds!.includes(l.id)) : allLines.filter((l) => !claimed.has(l.id));
    if (input.invoiceLineIds && lines.length !== input.invoiceLineIds.length) throw badInput('A line is not on this invoice');
    if (lines.some((l) => claimed.has(l.id))) throw invalidState('A line is already on a claim');
    if (lines.length === 0) throw invalidState('Every line of this invoice is already claimed');
    const outside = lines.find((l) => l.serviceDate < policy.validFrom || (policy.validTo && l.serviceDate > policy.validTo));
    if (outside) throw invalidState(`The policy does not cover ${outside.serviceDate}`);
    const creditedRows = await tx
      .select({ lineId: creditNoteLine.invoiceLineId, amount: sql<number>`sum(${creditNoteLine.amountMinor})::bigint`.mapWith(Number) })
      .from(creditNoteLine)
      .where(
        inArray(
          creditNoteLine.invoiceLineId,
          lines.map((l) => l.id),
        ),
      )
      .groupBy(creditNoteLine.invoiceLineId);
    let copayLeft = policy.copayMinor ?? 0;
    const shares = lines.map((l) => {
      const net = l.totalMinor - (creditedRows.find((r) => r.lineId === l.id)?.amount ?? 0);
      if (policy.coverageBp != null) return { invoiceLineId: l.id, claimedMinor: basisPointsOf(net, policy.coverageBp) };
      const copay = Math.min(net, copayLeft);
      copayLeft -= copay;
      return { invoiceLineId: l.id, claimedMinor: net - copay };
    });
    const [created] = await tx
      .insert(claim)
      .values({
        invoiceId: inv.id,
        policyId: policy.id,
        patientId: inv.patientId,
        payer: policy.payer,
        currency: inv.currency,
        claimedMinor: shares.reduce((s, l) => s + l.claimedMinor, 0),
        createdBy: identity.userId,
      })
      .returning();
    await tx.insert(claimLine).values(shares.map((s) => ({ ...s, claimId: created!.id })));
    const updated = await recomputeInsuranceShare(tx, inv);
    await ctx.audit.write(tx, { action: 'create', entityType: 'Claim', entityId: created!.id, patientId: inv.patientId, detail: { invoiceId: inv.id } });
    await emitInvoiceChanged(tx, updated, identity.userId, 'claim_created');
    return created!;
  });
}

/** The claim and its invoice, both locked (invoice first, the order every money change uses). */
async function lockClaim(ctx: Context, tx: Tx, claimId: string): Promise<{ inv: InvoiceRow; row: ClaimRow }> {
  const [found] = await tx
    .select({ invoiceId: claim.invoiceId })
    .from(claim)
    .where(eq(claim.id, validId(claimId, 'Claim')));
  if (!found) throw notFound('Claim');
  const inv = await lockScopedInvoice(ctx, tx, found.invoiceId, 'Claim');
  const [row] = await tx.select().from(claim).where(eq(claim.id, claimId)).for('update');
  return { inv, row: row! };
}

const reasonField = z.string().trim().min(3).max(500).nullish();
const adjudicationInput = z.object({
  claimId: z.uuid(),
  lines: z
    .array(
      z.object({
        claimLineId: z.uuid(),
        approvedMinor: z.number().int().min(0),
        denialCode: z.string().trim().max(20).nullish(),
        denialReason: reasonField,
      }),
    )
    .max(500)
    .nullish(),
  denialCode: z.string().trim().max(20).nullish(),
  denialReason: reasonField,
});

/**
 * The payer's decision on a submitted claim, per line (lines not named are approved in full). The
 * claim becomes approved, partially approved or denied, and the invoice's patient share is recalculated:
 * whatever the payer will not pay moves to the patient.
 */
export async function adjudicateClaim(ctx: Context, raw: z.input<typeof adjudicationInput>): Promise<ClaimRow> {
  const identity = requireCapability(ctx, 'insurance.manage');
  const input = parseInput(adjudicationInput, raw);
  return ctx.db.transaction(async (tx) => {
    const { inv, row } = await lockClaim(ctx, tx, input.claimId);
    if (row.status !== 'submitted') throw invalidState(`Only a submitted claim can be adjudicated; this one is ${row.status}`);
    const lines = await tx.select().from(claimLine).where(eq(claimLine.claimId, row.id));
    for (const decision of input.lines ?? []) {
      if (!lines.some((l) => l.id === decision.claimLineId)) throw badInput('A line is not on this claim');
    }
    let approvedTotal = 0;
    for (const line of lines) {
      const decision = input.lines?.find((d) => d.claimLineId === line.id);
      const approved = decision?.approvedMinor ?? line.claimedMinor;
      if (approved > line.claimedMinor) throw badInput(`A line cannot be approved for more than its claimed ${line.claimedMinor}`);
      const denialReason = approved < line.claimedMinor ? (decision?.denialReason ?? input.denialReason) : null;
      if (approved < line.claimedMinor && !denialReason) throw badInput('A denial needs a reason', [{ path: 'denialReason', message: 'required' }]);
      approvedTotal += approved;
      await tx
        .update(claimLine)
        .set({ approvedMinor: approved, denialReason, denialCode: denialReason ? (decision?.denialCode ?? input.denialCode ?? null) : null })
        .where(eq(claimLine.id, line.id));
    }
    const status = approvedTotal === row.claimedMinor ? 'approved' : approvedTotal === 0 ? 'denied' : 'partially_approved';
    const firstReason = input.denialReason ?? input.lines?.find((d) => d.denialReason)?.denialReason ?? null;
    const [updated] = await tx
      .update(claim)
      .set({
        status,
        approvedMinor: approvedTotal,
        adjudicatedAt: new Date(),
        denialReason: status === 'approved' ? null : firstReason,
        denialCode: status === 'approved' ? null : (input.denialCode ?? input.lines?.find((d) => d.denialCode)?.denialCode ?? null),
      })
      .where(eq(claim.id, row.id))
      .returning();
    const invAfter = await recomputeInsuranceShare(tx, inv);
    await ctx.audit.write(tx, {
      action: 'update',
      entityType: 'Claim',
      entityId: row.id,
      patientId: row.patientId,
      detail: { status, approvedMinor: approvedTotal },
    });
    await emitInvoiceChanged(tx, invAfter, identity.userId, `claim_${status}`);
    return updated!;
  });
}

const claimPaymentInput = z.object({ claimId: z.uuid(), amountMinor: amountInput, reference: z.string().trim().min(1).max(200) });

/** The payer's remittance for an adjudicated claim: an insurance payment on the invoice. */
export async function recordClaimPayment(ctx: Context, raw: z.input<typeof claimPaymentInput>): Promise<PaymentRow> {
  const identity = requireCapability(ctx, 'insurance.manage');
  const input = parseInput(claimPaymentInput, raw);
  return ctx.db.transaction(async (tx) => {
    const { inv, row } = await lockClaim(ctx, tx, input.claimId);
    if (row.status !== 'approved' && row.status !== 'partially_approved') throw invalidState(`A ${row.status} claim takes no payment`);
    const open = (row.approvedMinor ?? 0) - row.paidMinor;
    if (input.amountMinor > open) throw badInput(`The payer owes ${open} on this claim`);
    const result = await tender(tx, {
      inv,
      patientId: inv.patientId,
      method: 'insurance',
      amountMinor: input.amountMinor,
      currency: row.currency,
      reference: input.reference,
      claimId: row.id,
      createdBy: identity.userId,
    });
    const paidMinor = row.paidMinor + input.amountMinor;
    await tx
      .update(claim)
      .set({ paidMinor, status: paidMinor === row.approvedMinor ? 'paid' : row.status, paidAt: new Date() })
      .where(and(eq(claim.id, row.id)));
    return finishPayment(ctx, tx, result);
  });
}

/** Claims on invoices of the caller's facilities, newest first (at most 500); audited. */
export async function listClaims(ctx: Context, args: { status?: ClaimRow['status'] | null; invoiceId?: string | null }): Promise<ClaimRow[]> {
  requireCapability(ctx, 'finance.read');
  const scope = facilitiesOf(ctx);
  const rows = await ctx.db
    .select({ claim })
    .from(claim)
    .innerJoin(invoice, eq(invoice.id, claim.invoiceId))
    .where(
      and(
        inScope(scope, invoice.facilityId),
        args.status ? eq(claim.status, args.status) : undefined,
        args.invoiceId ? eq(claim.invoiceId, validId(args.invoiceId, 'Invoice')) : undefined,
      ),
    )
    .orderBy(desc(claim.createdAt))
    .limit(500);
  for (const { claim: c } of rows) ctx.audit.record({ action: 'read', entityType: 'Claim', entityId: c.id, patientId: c.patientId });
  return rows.map((r) => r.claim);
}
