import { byKey, type Context, defineLoader, groupByKey } from '@clinigraph/kit';
import { and, asc, inArray, sql } from 'drizzle-orm';
import { charge, claim, claimLine, creditNote, creditNoteLine, insurancePolicy, invoice, invoiceLine, payment, priceListEntry } from '../db/schema.ts';
import { facilitiesOf, policyInScope } from './access.ts';

export type ChargeRow = typeof charge.$inferSelect;
export type InvoiceRow = typeof invoice.$inferSelect;
export type InvoiceLineRow = typeof invoiceLine.$inferSelect;
export type PaymentRow = typeof payment.$inferSelect;
export type CreditNoteRow = typeof creditNote.$inferSelect;
export type CreditNoteLineRow = typeof creditNoteLine.$inferSelect;
export type PolicyRow = typeof insurancePolicy.$inferSelect;
export type ClaimRow = typeof claim.$inferSelect;
export type ClaimLineRow = typeof claimLine.$inferSelect;
export type PriceListEntryRow = typeof priceListEntry.$inferSelect;

const ids = (keys: readonly string[]) => [...keys];

export const invoiceById = defineLoader<Context, string, InvoiceRow>(async (ctx, keys) =>
  byKey(
    keys,
    await ctx.db
      .select()
      .from(invoice)
      .where(inArray(invoice.id, ids(keys))),
    (r) => r.id,
  ),
);

export const chargeById = defineLoader<Context, string, ChargeRow>(async (ctx, keys) =>
  byKey(
    keys,
    await ctx.db
      .select()
      .from(charge)
      .where(inArray(charge.id, ids(keys))),
    (r) => r.id,
  ),
);

export const paymentById = defineLoader<Context, string, PaymentRow>(async (ctx, keys) =>
  byKey(
    keys,
    await ctx.db
      .select()
      .from(payment)
      .where(inArray(payment.id, ids(keys))),
    (r) => r.id,
  ),
);

export const policyById = defineLoader<Context, string, PolicyRow>(async (ctx, keys) =>
  byKey(
    keys,
    await ctx.db
      .select()
      .from(insurancePolicy)
      .where(inArray(insurancePolicy.id, ids(keys))),
    (r) => r.id,
  ),
);

export const claimById = defineLoader<Context, string, ClaimRow>(async (ctx, keys) =>
  byKey(
    keys,
    await ctx.db
      .select()
      .from(claim)
      .where(inArray(claim.id, ids(keys))),
    (r) => r.id,
  ),
);

export const priceListEntryById = defineLoader<Context, string, PriceListEntryRow>(async (ctx, keys) =>
  byKey(
    keys,
    await ctx.db
      .select()
      .from(priceListEntry)
      .where(inArray(priceListEntry.id, ids(keys))),
    (r) => r.id,
  ),
);

export const linesByInvoice = defineLoader<Context, string, InvoiceLineRow[]>(async (ctx, keys) =>
  groupByKey(
    keys,
    await ctx.db
      .select()
      .from(invoiceLine)
      .where(inArray(invoiceLine.invoiceId, ids(keys)))
      .orderBy(asc(invoiceLine.position)),
    (r) => r.invoiceId,
  ),
);

export const paymentsByInvoice = defineLoader<Context, string, PaymentRow[]>(async (ctx, keys) =>
  groupByKey(
    keys,
    await ctx.db
      .select()
      .from(payment)
      .where(inArray(payment.invoiceId, ids(keys)))
      .orderBy(asc(payment.createdAt), asc(payment.number)),
    (r) => r.invoiceId as string,
  ),
);

export const creditNotesByInvoice = defineLoader<Context, string, CreditNoteRow[]>(async (ctx, keys) =>
  groupByKey(
    keys,
    await ctx.db
      .select()
      .from(creditNote)
      .where(inArray(creditNote.invoiceId, ids(keys)))
      .orderBy(asc(creditNote.createdAt)),
    (r) => r.invoiceId,
  ),
);

export const linesByCreditNote = defineLoader<Context, string, CreditNoteLineRow[]>(async (ctx, keys) =>
  groupByKey(
    keys,
    await ctx.db
      .select()
      .from(creditNoteLine)
      .where(inArray(creditNoteLine.creditNoteId, ids(keys))),
    (r) => r.creditNoteId,
  ),
);

export const claimsByInvoice = defineLoader<Context, string, ClaimRow[]>(async (ctx, keys) =>
  groupByKey(
    keys,
    await ctx.db
      .select()
      .from(claim)
      .where(inArray(claim.invoiceId, ids(keys)))
      .orderBy(asc(claim.createdAt)),
    (r) => r.invoiceId,
  ),
);

export const linesByClaim = defineLoader<Context, string, ClaimLineRow[]>(async (ctx, keys) =>
  groupByKey(
    keys,
    await ctx.db
      .select()
      .from(claimLine)
      .where(inArray(claimLine.claimId, ids(keys))),
    (r) => r.claimId,
  ),
);

/** Each patient's insurance policies the caller may see: recorded at their facilities, or of a patient billed there. */
export const policiesByPatient = defineLoader<Context, string, PolicyRow[]>(async (ctx, keys) =>
  groupByKey(
    keys,
    await ctx.db
      .select()
      .from(insurancePolicy)
      .where(and(inArray(insurancePolicy.patientId, ids(keys)), policyInScope(facilitiesOf(ctx))))
      .orderBy(asc(insurancePolicy.createdAt)),
    (r) => r.patientId,
  ),
);

/** What credit notes have taken off each invoice line so far (total and its tax). */
export const creditedByInvoiceLine = defineLoader<Context, string, { amountMinor: number; taxMinor: number }>(async (ctx, keys) => {
  const rows = await ctx.db
    .select({
      invoiceLineId: creditNoteLine.invoiceLineId,
      amountMinor: sql<number>`coalesce(sum(${creditNoteLine.amountMinor}), 0)::bigint`.mapWith(Number),
      taxMinor: sql<number>`coalesce(sum(${creditNoteLine.taxMinor}), 0)::bigint`.mapWith(Number),
    })
    .from(creditNoteLine)
    .where(inArray(creditNoteLine.invoiceLineId, ids(keys)))
    .groupBy(creditNoteLine.invoiceLineId);
  const found = byKey(keys, rows, (r) => r.invoiceLineId);
  return found.map((r) => ({ amountMinor: r?.amountMinor ?? 0, taxMinor: r?.taxMinor ?? 0 }));
});
