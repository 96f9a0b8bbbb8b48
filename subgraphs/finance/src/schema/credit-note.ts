import { builder } from '../builder.ts';
import { createCreditNote } from '../services/credit-notes.ts';
import { type CreditNoteLineRow, type CreditNoteRow, creditNotesByInvoice, invoiceById, linesByCreditNote } from '../services/loaders.ts';
import { InvoiceType } from './invoice.ts';

const CreditNoteLineType = builder.objectRef<CreditNoteLineRow>('CreditNoteLine').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    invoiceLineId: t.exposeID('invoiceLineId'),
    amountMinor: t.exposeInt('amountMinor', { description: 'Tax-inclusive amount taken off the line.' }),
    taxMinor: t.exposeInt('taxMinor'),
  }),
});

export const CreditNoteType = builder.objectRef<CreditNoteRow>('CreditNote').implement({
  description: 'A correction of an issued invoice: it reduces what is owed; the invoice itself never changes.',
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeString('number'),
    invoice: t.field({ type: InvoiceType, resolve: async (n, _a, ctx) => (await invoiceById(ctx).load(n.invoiceId))! }),
    currency: t.exposeString('currency'),
    reason: t.exposeString('reason'),
    totalMinor: t.exposeInt('totalMinor'),
    taxMinor: t.exposeInt('taxMinor'),
    toCreditMinor: t.exposeInt('refundedToCreditMinor', { description: 'Already-paid money this correction turned into patient credit.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lines: t.field({ type: [CreditNoteLineType], resolve: async (n, _a, ctx) => (await linesByCreditNote(ctx).load(n.id)) ?? [] }),
  }),
});

builder.objectFields(InvoiceType, (t) => ({
  creditNotes: t.field({ type: [CreditNoteType], resolve: async (i, _a, ctx) => (await creditNotesByInvoice(ctx).load(i.id)) ?? [] }),
}));

const CreditNoteLineInput = builder.inputType('CreditNoteLineInput', {
  fields: (t) => ({
    invoiceLineId: t.id({ required: true }),
    amountMinor: t.int({ description: 'Tax-inclusive; all that is left of the line when omitted.' }),
  }),
});

const CreditNoteInput = builder.inputType('CreditNoteInput', {
  fields: (t) => ({
    invoiceId: t.id({ required: true }),
    reason: t.string({ required: true }),
    lines: t.field({ type: [CreditNoteLineInput], description: 'All that is left of every line when omitted.' }),
  }),
});

builder.mutationFields((t) => ({
  createCreditNote: t.field({
    type: CreditNoteType,
    args: { input: t.arg({ type: CreditNoteInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      createCreditNote(ctx, {
        invoiceId: String(input.invoiceId),
        reason: input.reason,
        lines: input.lines?.map((l) => ({ invoiceLineId: String(l.invoiceLineId), amountMinor: l.amountMinor })) ?? null,
      }),
  }),
}));
