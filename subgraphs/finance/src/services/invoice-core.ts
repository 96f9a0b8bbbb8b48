import { type Context, invalidState, notFound, type Tx } from '@clinigraph/kit';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { charge, claim, invoice, invoiceLine } from '../db/schema.ts';
import { lineAmounts } from '../money.ts';
import { assertCanSee, assertInScope, validId } from './access.ts';
import { balanceOf } from './events.ts';
import { type ChargeRow, type InvoiceRow, invoiceById } from './loaders.ts';

export type InvoiceStatus = InvoiceRow['status'];

/** Loads an invoice the caller may see (NOT_FOUND otherwise, as for a missing one) and records the read. */
export async function readInvoice(ctx: Context, id: string): Promise<InvoiceRow> {
  const row = await invoiceById(ctx).load(validId(id, 'Invoice'));
  if (!row) throw notFound('Invoice');
  assertCanSee(ctx, row.patientId, 'Invoice');
  assertInScope(ctx, row.facilityId, 'Invoice');
  ctx.audit.record({ action: 'read', entityType: 'Invoice', entityId: row.id, patientId: row.patientId });
  return row;
}

/** The invoice row, locked until commit: every change of an invoice's money goes through this lock. */
export async function lockInvoice(tx: Tx, id: string): Promise<InvoiceRow> {
  const [row] = await tx
    .select()
    .from(invoice)
    .where(eq(invoice.id, validId(id, 'Invoice')))
    .for('update');
  if (!row) throw notFound('Invoice');
  return row;
}

/** The invoice row locked, for a change by staff: another facility's invoice is NOT_FOUND (as `what`: the invoice, or the claim or line named). */
export async function lockScopedInvoice(ctx: Context, tx: Tx, id: string, what = 'Invoice'): Promise<InvoiceRow> {
  const [row] = await tx
    .select()
    .from(invoice)
    .where(eq(invoice.id, validId(id, what)))
    .for('update');
  if (!row) throw notFound(what);
  assertInScope(ctx, row.facilityId, what);
  return row;
}

/** What an issued invoice's amounts make its status: issued → partially paid → paid (or credited). */
export function settledStatus(inv: Pick<InvoiceRow, 'status' | 'totalMinor' | 'creditedMinor' | 'paidMinor'>): InvoiceStatus {
  if (inv.status === 'draft' || inv.status === 'void') return inv.status;
  if (balanceOf(inv) > 0) return inv.paidMinor > 0 ? 'partially_paid' : 'issued';
  if (inv.paidMinor === 0 && inv.creditedMinor > 0) return 'credited';
  return 'paid';
}

/** Lines and amounts may change only before any payment, credit note or claim. */
export async function assertEditable(tx: Tx, inv: InvoiceRow): Promise<void> {
  if (inv.status === 'void') throw invalidState('This invoice is void', { invoiceStatus: inv.status });
  if (inv.lockedAt || inv.paidMinor > 0 || inv.creditedMinor > 0 || (inv.status !== 'draft' && inv.status !== 'issued')) {
    throw invalidState('This invoice has payments and is locked: correct it with a credit note', { invoiceStatus: inv.status });
  }
  const [claimed] = await tx.select({ id: claim.id }).from(claim).where(eq(claim.invoiceId, inv.id)).limit(1);
  if (claimed) throw invalidState('This invoice has an insurance claim: correct it with a credit note', { invoiceStatus: inv.status });
}

/** Copies charges onto an invoice as lines and marks them invoiced. */
export async function appendCharges(tx: Tx, inv: InvoiceRow, charges: ChargeRow[]): Promise<void> {
  if (charges.length === 0) return;
  const [last] = await tx
    .select({ position: sql<number>`coalesce(max(${invoiceLine.position}), 0)`.mapWith(Number) })
    .from(invoiceLine)
    .where(eq(invoiceLine.invoiceId, inv.id));
  const start = last?.position ?? 0;
  await tx.insert(invoiceLine).values(
    charges.map((c, i) => ({
      invoiceId: inv.id,
      chargeId: c.id,
      position: start + i + 1,
      serviceType: c.serviceType,
      code: c.code,
      description: c.description,
      providerId: c.providerId,
      serviceDate: c.serviceDate,
      quantity: c.quantity,
      unitPriceMinor: c.unitPriceMinor,
      discountBp: 0,
      taxRateBp: c.taxRateBp,
      ...lineAmounts({ quantity: c.quantity, unitPriceMinor: c.unitPriceMinor, discountBp: 0, taxRateBp: c.taxRateBp }),
    })),
  );
  // A charge of no facility is billed by the facility whose invoice takes it.
  const marked = await tx
    .update(charge)
    .set({ status: 'invoiced', invoiceId: inv.id, facilityId: sql`coalesce(${charge.facilityId}, ${inv.facilityId}::uuid)` })
    .where(
      and(
        inArray(
          charge.id,
          charges.map((c) => c.id),
        ),
        eq(charge.status, 'pending'),
      ),
    )
    .returning({ id: charge.id });
  if (marked.length !== charges.length) throw invalidState('Some of these charges were invoiced meanwhile; try again');
}

/** Puts an invoice's totals back to the sums of its lines (and its status to what they make it). */
export async function recomputeTotals(tx: Tx, inv: InvoiceRow): Promise<InvoiceRow> {
  const [sums] = await tx
    .select({
      subtotal: sql<number>`coalesce(sum(${invoiceLine.grossMinor}), 0)::bigint`.mapWith(Number),
      discount: sql<number>`coalesce(sum(${invoiceLine.discountMinor}), 0)::bigint`.mapWith(Number),
      tax: sql<number>`coalesce(sum(${invoiceLine.taxMinor}), 0)::bigint`.mapWith(Number),
      total: sql<number>`coalesce(sum(${invoiceLine.totalMinor}), 0)::bigint`.mapWith(Number),
    })
    .from(invoiceLine)
    .where(eq(invoiceLine.invoiceId, inv.id));
  const amounts = { subtotalMinor: sums!.subtotal, discountMinor: sums!.discount, taxMinor: sums!.tax, totalMinor: sums!.total };
  const [updated] = await tx
    .update(invoice)
    .set({ ...amounts, status: settledStatus({ ...inv, ...amounts }), updatedAt: new Date() })
    .where(eq(invoice.id, inv.id))
    .returning();
  return updated!;
}
