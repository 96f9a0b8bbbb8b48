import { builder } from '../builder.ts';
import {
  addChargesToInvoice,
  applyInvoiceDiscount,
  createDraftInvoice,
  issueInvoice,
  removeInvoiceLine,
  setLineDiscount,
  voidInvoice,
} from '../services/invoices.ts';
import { InvoiceType } from './invoice.ts';

const DraftInvoiceInput = builder.inputType('DraftInvoiceInput', {
  description: "A draft from a patient's uncharged items, one encounter's, or the charges named, at one facility.",
  fields: (t) => ({
    patientId: t.id(),
    encounterId: t.id(),
    chargeIds: t.idList(),
    currency: t.string({ description: 'Needed only when the uncharged items are in several currencies.' }),
    facilityId: t.id({ description: 'The facility that bills it (one of the caller’s); needed only when the charges are at several facilities.' }),
  }),
});

const DiscountInput = builder.inputType('DiscountInput', {
  fields: (t) => ({
    discountBasisPoints: t.int({ required: true, description: '0–10000 (0–100%).' }),
    reason: t.string({ description: 'Required for any discount above zero.' }),
  }),
});

const str = (v: string | number | null | undefined) => (v == null ? null : String(v));

builder.mutationFields((t) => ({
  createDraftInvoice: t.field({
    type: InvoiceType,
    args: { input: t.arg({ type: DraftInvoiceInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      createDraftInvoice(ctx, {
        patientId: str(input.patientId),
        encounterId: str(input.encounterId),
        chargeIds: input.chargeIds?.map(String) ?? null,
        currency: input.currency,
        facilityId: str(input.facilityId),
      }),
  }),
  addChargesToInvoice: t.field({
    type: InvoiceType,
    args: { invoiceId: t.arg.id({ required: true }), chargeIds: t.arg.idList({ required: true }) },
    resolve: (_r, args, ctx) => addChargesToInvoice(ctx, String(args.invoiceId), args.chargeIds.map(String)),
  }),
  removeInvoiceLine: t.field({
    type: InvoiceType,
    args: { lineId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => removeInvoiceLine(ctx, String(args.lineId)),
  }),
  setInvoiceLineDiscount: t.field({
    type: InvoiceType,
    args: { lineId: t.arg.id({ required: true }), discount: t.arg({ type: DiscountInput, required: true }) },
    resolve: (_r, args, ctx) => setLineDiscount(ctx, String(args.lineId), args.discount),
  }),
  applyInvoiceDiscount: t.field({
    type: InvoiceType,
    description: 'The same discount on every line.',
    args: { invoiceId: t.arg.id({ required: true }), discount: t.arg({ type: DiscountInput, required: true }) },
    resolve: (_r, args, ctx) => applyInvoiceDiscount(ctx, String(args.invoiceId), args.discount),
  }),
  issueInvoice: t.field({
    type: InvoiceType,
    args: { id: t.arg.id({ required: true }), dueDate: t.arg({ type: 'Date' }) },
    resolve: (_r, args, ctx) => issueInvoice(ctx, String(args.id), args.dueDate),
  }),
  voidInvoice: t.field({
    type: InvoiceType,
    description: 'Voids an invoice with no payments; its charges become uncharged again.',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => voidInvoice(ctx, String(args.id), args.reason),
  }),
}));
