import { badInput, type Context, invalidState, notFound, parseInput, requireCapability, type Tx } from '@clinigraph/kit';
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { charge, invoice, invoiceLine } from '../db/schema.ts';
import { basisPointsInput, currencyInput, lineAmounts } from '../money.ts';
import { assertOwnFacility, facilitiesOf, inScope, validId } from './access.ts';
import { emitInvoiceChanged } from './events.ts';
import { appendCharges, assertEditable, lockScopedInvoice, recomputeTotals, settledStatus } from './invoice-core.ts';
import type { ChargeRow, InvoiceRow } from './loaders.ts';

const draftInput = z
  .object({
    patientId: z.uuid().nullish(),
    encounterId: z.uuid().nullish(),
    chargeIds: z.array(z.uuid()).min(1).max(500).nullish(),
    currency: currencyInput.nullish(),
    facilityId: z.uuid().nullish(),
  })
  .refine((v) => v.patientId || v.encounterId, { message: 'Give a patient or an encounter' });

const discountInput = z
  .object({ discountBasisPoints: basisPointsInput, reason: z.string().trim().max(500).nullish() })
  .refine((v) => v.discountBasisPoints === 0 || (v.reason && v.reason.length >= 3), { message: 'A discount needs a reason', path: ['reason'] });

const reasonInput = z.string().trim().min(3, 'A reason is required').max(500);

async function finish(ctx: Context, tx: Tx, inv: InvoiceRow, change: string, detail: Record<string, unknown> = {}): Promise<InvoiceRow> {
  await ctx.audit.write(tx, {
    action: change === 'drafted' ? 'create' : 'update',
    entityType: 'Invoice',
    entityId: inv.id,
    patientId: inv.patientId,
    detail: { change, ...detail },
  });
  await emitInvoiceChanged(tx, inv, ctx.identity?.userId ?? null, change);
  return inv;
}

interface ChargeFilter {
  patientId?: string | null;
  encounterId?: string | null;
  chargeIds?: string[] | null;
  /** Only this facility's charges (and those of no facility, which the invoice's facility then bills). */
  facilityId?: string | null;
}

/**
 * A patient's pending, priced charges (all, an encounter's, or the ones named) at the caller's
 * facilities, locked for invoicing. Another facility's charges are simply not there.
 */
async function pendingCharges(ctx: Context, tx: Tx, filter: ChargeFilter) {
  return tx
    .select()
    .from(charge)
    .where(
      and(
        inScope(facilitiesOf(ctx), charge.facilityId),
        filter.facilityId ? or(eq(charge.facilityId, filter.facilityId), isNull(charge.facilityId)) : undefined,
        filter.patientId ? eq(charge.patientId, filter.patientId) : undefined,
        filter.encounterId ? eq(charge.encounterId, filter.encounterId) : undefined,
        filter.chargeIds ? inArray(charge.id, filter.chargeIds) : undefined,
        eq(charge.status, 'pending'),
        eq(charge.unpriced, false),
      ),
    )
    .orderBy(asc(charge.serviceDate), asc(charge.createdAt), asc(charge.id))
    .for('update');
}

function requireAll(requested: string[] | null | undefined, found: ChargeRow[]): void {
  if (!requested) return;
  const missing = requested.filter((id) => !found.some((c) => c.id === id));
  if (missing.length) throw invalidState('Some charges are not pending and priced (already invoiced, void or unpriced)', { chargeIds: missing });
}

/** The facility an invoice of these charges bills: the one named, else the charges' own (one only). */
function billingFacilityOf(requested: string | null | undefined, charges: ChargeRow[]): string {
  if (requested) return requested;
  const facilities = [...new Set(charges.map((c) => c.facilityId).filter((f): f is string => !!f))];
  if (facilities.length > 1) throw badInput('The charges are at several facilities; choose one', [{ path: 'facilityId', message: 'required' }]);
  if (facilities.length === 0)
    throw badInput('These charges have no facility; name the facility that bills them', [{ path: 'facilityId', message: 'required' }]);
  return facilities[0]!;
}

/** A draft invoice from a patient's uncharged items, or from one encounter's, at one facility. */
export async function createDraftInvoice(ctx: Context, raw: z.input<typeof draftInput>): Promise<InvoiceRow> {
  const identity = requireCapability(ctx, 'invoice.manage');
  const input = parseInput(draftInput, raw);
  if (input.facilityId) assertOwnFacility(ctx, input.facilityId);
  return ctx.db.transaction(async (tx) => {
    const found = await pendingCharges(ctx, tx, input);
    requireAll(input.chargeIds, found);
    const patients = new Set(found.map((c) => c.patientId));
    if (patients.size > 1) throw badInput('These charges belong to more than one patient');
    const currencies = [...new Set(found.map((c) => c.currency))];
    const currency = input.currency ?? (currencies.length === 1 ? currencies[0] : null);
    if (currencies.length > 1 && !input.currency) throw badInput(`The charges are in several currencies (${currencies.join(', ')}); choose one`);
    const inCurrency = found.filter((c) => c.currency === currency);
    if (inCurrency.length === 0 || !currency) throw invalidState('There are no uncharged items to invoice');
    const facilityId = billingFacilityOf(input.facilityId, inCurrency);
    const charges = inCurrency.filter((c) => !c.facilityId || c.facilityId === facilityId);
    const [created] = await tx
      .insert(invoice)
      .values({
        patientId: charges[0]!.patientId,
        facilityId,
        encounterId: input.encounterId ?? null,
        currency,
        createdBy: identity.userId,
      })
      .returning();
    await appendCharges(tx, created!, charges);
    const inv = await recomputeTotals(tx, created!);
    return finish(ctx, tx, inv, 'drafted', { charges: charges.length });
  });
}

export async function addChargesToInvoice(ctx: Context, invoiceId: string, chargeIds: string[]): Promise<InvoiceRow> {
  requireCapability(ctx, 'invoice.manage');
  const ids = parseInput(z.array(z.uuid()).min(1).max(500), chargeIds);
  return ctx.db.transaction(async (tx) => {
    const inv = await lockScopedInvoice(ctx, tx, invoiceId);
    await assertEditable(tx, inv);
    const found = await pendingCharges(ctx, tx, { patientId: inv.patientId, chargeIds: ids, facilityId: inv.facilityId });
    requireAll(ids, found);
    if (found.some((c) => c.currency !== inv.currency)) throw badInput(`Every charge must be in ${inv.currency}`);
    await appendCharges(tx, inv, found);
    return finish(ctx, tx, await recomputeTotals(tx, inv), 'lines_added', { charges: found.length });
  });
}

async function lockLine(ctx: Context, tx: Tx, lineId: string) {
  const [line] = await tx
    .select()
    .from(invoiceLine)
    .where(eq(invoiceLine.id, validId(lineId, 'Invoice line')));
  if (!line) throw notFound('Invoice line');
  const inv = await lockScopedInvoice(ctx, tx, line.invoiceId, 'Invoice line');
  await assertEditable(tx, inv);
  return { line, inv };
}

/** Takes a line off an invoice that is not locked; its charge becomes uncharged again. */
export async function removeInvoiceLine(ctx: Context, lineId: string): Promise<InvoiceRow> {
  requireCapability(ctx, 'invoice.manage');
  return ctx.db.transaction(async (tx) => {
    const { line, inv } = await lockLine(ctx, tx, lineId);
    const others = await tx.select({ id: invoiceLine.id }).from(invoiceLine).where(eq(invoiceLine.invoiceId, inv.id)).limit(2);
    if (inv.status !== 'draft' && others.length < 2) throw invalidState('This is the last line of an issued invoice: void the invoice instead');
    await tx.delete(invoiceLine).where(eq(invoiceLine.id, line.id));
    if (line.chargeId) await tx.update(charge).set({ status: 'pending', invoiceId: null }).where(eq(charge.id, line.chargeId));
    return finish(ctx, tx, await recomputeTotals(tx, inv), 'line_removed', { lineId: line.id });
  });
}

async function discountLines(tx: Tx, lines: (typeof invoiceLine.$inferSelect)[], bp: number, reason: string | null): Promise<void> {
  for (const line of lines) {
    const amounts = lineAmounts({ quantity: line.quantity, unitPriceMinor: line.unitPriceMinor, discountBp: bp, taxRateBp: line.taxRateBp });
    await tx
      .update(invoiceLine)
      .set({ discountBp: bp, discountReason: bp ? reason : null, ...amounts })
      .where(eq(invoiceLine.id, line.id));
  }
}

/** A discount of 0–100% on one line, with a reason. */
export async function setLineDiscount(ctx: Context, lineId: string, raw: z.input<typeof discountInput>): Promise<InvoiceRow> {
  requireCapability(ctx, 'invoice.manage');
  const input = parseInput(discountInput, raw);
  return ctx.db.transaction(async (tx) => {
    const { line, inv } = await lockLine(ctx, tx, lineId);
    await discountLines(tx, [line], input.discountBasisPoints, input.reason ?? null);
    return finish(ctx, tx, await recomputeTotals(tx, inv), 'discounted', { lineId, ...input });
  });
}

/** The same discount on every line of an invoice. */
export async function applyInvoiceDiscount(ctx: Context, invoiceId: string, raw: z.input<typeof discountInput>): Promise<InvoiceRow> {
  requireCapability(ctx, 'invoice.manage');
  const input = parseInput(discountInput, raw);
  return ctx.db.transaction(async (tx) => {
    const inv = await lockScopedInvoice(ctx, tx, invoiceId);
    await assertEditable(tx, inv);
    const lines = await tx.select().from(invoiceLine).where(eq(invoiceLine.invoiceId, inv.id));
    await discountLines(tx, lines, input.discountBasisPoints, input.reason ?? null);
    return finish(ctx, tx, await recomputeTotals(tx, inv), 'discounted', input);
  });
}

const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);

export async function issueInvoice(ctx: Context, invoiceId: string, dueDate?: string | null): Promise<InvoiceRow> {
  requireCapability(ctx, 'invoice.manage');
  return ctx.db.transaction(async (tx) => {
    const inv = await lockScopedInvoice(ctx, tx, invoiceId);
    if (inv.status !== 'draft') throw invalidState(`Only a draft can be issued; this invoice is ${inv.status}`, { invoiceStatus: inv.status });
    const [line] = await tx.select({ id: invoiceLine.id }).from(invoiceLine).where(eq(invoiceLine.invoiceId, inv.id)).limit(1);
    if (!line) throw invalidState('An invoice needs at least one line to be issued');
    const now = new Date();
    if (dueDate && dueDate < now.toISOString().slice(0, 10)) throw badInput('The due date is in the past');
    const [issued] = await tx
      .update(invoice)
      .set({ status: settledStatus({ ...inv, status: 'issued' }), issuedAt: now, dueDate: dueDate ?? addDays(now, 30), updatedAt: now })
      .where(eq(invoice.id, inv.id))
      .returning();
    return finish(ctx, tx, issued!, 'issued');
  });
}

/** Voids an invoice nobody has paid; its charges become uncharged again. Paid invoices take a credit note. */
export async function voidInvoice(ctx: Context, invoiceId: string, rawReason: string): Promise<InvoiceRow> {
  requireCapability(ctx, 'invoice.manage');
  const reason = parseInput(reasonInput, rawReason);
  return ctx.db.transaction(async (tx) => {
    const inv = await lockScopedInvoice(ctx, tx, invoiceId);
    await assertEditable(tx, inv);
    const now = new Date();
    const [voided] = await tx
      .update(invoice)
      .set({ status: 'void', voidReason: reason, voidedAt: now, updatedAt: now })
      .where(eq(invoice.id, inv.id))
      .returning();
    await tx
      .update(charge)
      .set({ status: 'pending', invoiceId: null })
      .where(and(eq(charge.invoiceId, inv.id), eq(charge.status, 'invoiced')));
    return finish(ctx, tx, voided!, 'voided', { reason });
  });
}
