import { badInput, type Context, invalidState, parseInput, requireCapability } from '@clinigraph/kit';
import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { creditNote, creditNoteLine, invoice, invoiceLine } from '../db/schema.ts';
import { amountInput, taxIncludedIn } from '../money.ts';
import { addCredit } from './credit.ts';
import { emitInvoiceChanged } from './events.ts';
import { lockScopedInvoice, settledStatus } from './invoice-core.ts';
import type { CreditNoteRow } from './loaders.ts';

const creditNoteInput = z.object({
  invoiceId: z.uuid(),
  reason: z.string().trim().min(3, 'A reason is required').max(500),
  lines: z
    .array(z.object({ invoiceLineId: z.uuid(), amountMinor: amountInput.nullish() }))
    .min(1)
    .max(500)
    .nullish(),
});

/**
 * Corrects an issued invoice without editing it: the credit note takes amounts off lines (all that is
 * left of each, or a tax-inclusive amount). What had already been paid beyond the corrected total
 * becomes patient credit, to apply elsewhere or refund.
 */
export async function createCreditNote(ctx: Context, raw: z.input<typeof creditNoteInput>): Promise<CreditNoteRow> {
  const identity = requireCapability(ctx, 'invoice.manage');
  const input = parseInput(creditNoteInput, raw);
  return ctx.db.transaction(async (tx) => {
    const inv = await lockScopedInvoice(ctx, tx, input.invoiceId);
    if (inv.status === 'draft' || inv.status === 'void')
      throw invalidState(`A ${inv.status} invoice is changed directly, not by credit note`, { invoiceStatus: inv.status });
    const lines = await tx.select().from(invoiceLine).where(eq(invoiceLine.invoiceId, inv.id));
    const sofar = await tx
      .select({
        lineId: creditNoteLine.invoiceLineId,
        amount: sql<number>`sum(${creditNoteLine.amountMinor})::bigint`.mapWith(Number),
        tax: sql<number>`sum(${creditNoteLine.taxMinor})::bigint`.mapWith(Number),
      })
      .from(creditNoteLine)
      .where(
        inArray(
          creditNoteLine.invoiceLineId,
          lines.map((l) => l.id),
        ),
      )
      .groupBy(creditNoteLine.invoiceLineId);
    const credited = new Map(sofar.map((r) => [r.lineId, r]));
    const requested = input.lines ?? lines.map((l) => ({ invoiceLineId: l.id, amountMinor: null }));
    const noteLines = requested.flatMap((req) => {
      const line = lines.find((l) => l.id === req.invoiceLineId);
      if (!line) throw badInput('A line is not on this invoice', [{ path: 'lines.invoiceLineId', message: req.invoiceLineId }]);
      const remaining = line.totalMinor - (credited.get(line.id)?.amount ?? 0);
      const remainingTax = line.taxMinor - (credited.get(line.id)?.tax ?? 0);
      const amount = req.amountMinor ?? remaining;
      if (amount > remaining) throw badInput(`Line ${line.position} has ${remaining} left to credit`);
      if (amount === 0) return input.lines ? badInputOf(`Line ${line.position} is already fully credited`) : [];
      const tax = amount === remaining ? remainingTax : Math.min(remainingTax, taxIncludedIn(amount, line.taxRateBp));
      return [{ invoiceLineId: line.id, amountMinor: amount, taxMinor: tax }];
    });
    const total = noteLines.reduce((s, l) => s + l.amountMinor, 0);
    if (total === 0) throw invalidState('Nothing is left to credit on this invoice');
    const creditedMinor = inv.creditedMinor + total;
    const excess = Math.max(0, inv.paidMinor + creditedMinor - inv.totalMinor);
    const paidMinor = inv.paidMinor - excess;
    const [note] = await tx
      .insert(creditNote)
      .values({
        invoiceId: inv.id,
        patientId: inv.patientId,
        currency: inv.currency,
        reason: input.reason,
        totalMinor: total,
        taxMinor: noteLines.reduce((s, l) => s + l.taxMinor, 0),
        refundedToCreditMinor: excess,
        createdBy: identity.userId,
      })
      .returning();
    await tx.insert(creditNoteLine).values(noteLines.map((l) => ({ ...l, creditNoteId: note!.id })));
    const [updated] = await tx
      .update(invoice)
      .set({
        creditedMinor,
        paidMinor,
        paidByInsuranceMinor: Math.min(inv.paidByInsuranceMinor, paidMinor),
        status: settledStatus({ ...inv, creditedMinor, paidMinor }),
        updatedAt: new Date(),
      })
      .where(eq(invoice.id, inv.id))
      .returning();
    await addCredit(tx, inv.patientId, inv.currency, excess, 'credit_note', { creditNoteId: note!.id, invoiceId: inv.id, createdBy: identity.userId });
    await ctx.audit.write(tx, {
      action: 'create',
      entityType: 'CreditNote',
      entityId: note!.id,
      patientId: inv.patientId,
      detail: { invoiceId: inv.id, totalMinor: total, toCreditMinor: excess, reason: input.reason },
    });
    await emitInvoiceChanged(tx, updated!, identity.userId, 'credit_note');
    return note!;
  });
}

function badInputOf(message: string): never {
  throw badInput(message);
}
