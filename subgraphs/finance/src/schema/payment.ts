import { IDEMPOTENCY_KEY_DESCRIPTION } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import type { patientCredit, refund } from '../db/schema.ts';
import { assertPatientMoney, validId } from '../services/access.ts';
import { creditBalances } from '../services/credit.ts';
import { handoutParties } from '../services/handout-parties.ts';
import { recordPaymentOnce } from '../services/idempotent-payments.ts';
import { invoiceById, type PaymentRow, paymentsByInvoice } from '../services/loaders.ts';
import { applyPatientCredit, readPayment, refundPatientCredit } from '../services/payments.ts';
import { receiptPdf } from '../services/pdf.ts';
import { PaymentMethodEnum, RefundMethodEnum, StaffPaymentMethodEnum } from './enums.ts';
import { InvoiceType } from './invoice.ts';
import { PatientRef, patientOf } from './refs.ts';

export const PaymentType = builder.objectRef<PaymentRow>('Payment').implement({
  description: 'Money received: tendered = applied to the invoice + added to patient credit.',
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeString('number', { description: 'The receipt number.' }),
    patient: t.field({ type: PatientRef, nullable: true, resolve: (p) => patientOf(p.patientId) }),
    invoice: t.field({ type: InvoiceType, nullable: true, resolve: (p, _a, ctx) => (p.invoiceId ? invoiceById(ctx).load(p.invoiceId) : null) }),
    claimId: t.exposeID('claimId', { nullable: true }),
    method: t.expose('method', { type: PaymentMethodEnum }),
    reference: t.exposeString('reference', { nullable: true }),
    currency: t.exposeString('currency'),
    tenderedMinor: t.exposeInt('tenderedMinor'),
    appliedMinor: t.exposeInt('appliedMinor'),
    creditMinor: t.exposeInt('creditMinor', { description: 'The overpayment (or deposit) that became patient credit.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    receiptPdfBase64: t.string({
      description: 'The receipt as a PDF, base64-encoded.',
      resolve: async (p, _a, ctx) => {
        const inv = p.invoiceId ? await invoiceById(ctx).load(p.invoiceId) : null;
        const parties = await handoutParties(ctx, { patientId: p.patientId, facilityId: inv?.facilityId ?? null });
        ctx.audit.record({ action: 'export', entityType: 'Payment', entityId: p.id, patientId: p.patientId, detail: { format: 'pdf' } });
        return Buffer.from(await receiptPdf(p, inv, parties)).toString('base64');
      },
    }),
  }),
});

builder.asEntity(PaymentType, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => readPayment(ctx, id),
});

const RefundType = builder.objectRef<typeof refund.$inferSelect>('Refund').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeString('number'),
    patient: t.field({ type: PatientRef, nullable: true, resolve: (r) => patientOf(r.patientId) }),
    currency: t.exposeString('currency'),
    amountMinor: t.exposeInt('amountMinor'),
    method: t.exposeString('method'),
    reference: t.exposeString('reference', { nullable: true }),
    reason: t.exposeString('reason'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const PatientCreditType = builder.objectRef<typeof patientCredit.$inferSelect>('PatientCredit').implement({
  fields: (t) => ({
    currency: t.exposeString('currency'),
    balanceMinor: t.exposeInt('balanceMinor'),
  }),
});

builder.objectFields(InvoiceType, (t) => ({
  payments: t.field({ type: [PaymentType], resolve: async (i, _a, ctx) => (await paymentsByInvoice(ctx).load(i.id)) ?? [] }),
}));

const PaymentInput = builder.inputType('PaymentInput', {
  description: 'A payment against an invoice, or (with only a patient) a deposit into their credit.',
  fields: (t) => ({
    invoiceId: t.id(),
    patientId: t.id(),
    method: t.field({ type: StaffPaymentMethodEnum, required: true }),
    amountMinor: t.int({ required: true }),
    currency: t.string({ required: true }),
    reference: t.string({ description: 'Card slip, transfer or payer reference; required except for cash.' }),
    facilityId: t.id({
      description: 'The desk taking a deposit; the caller’s own facility when they work at one. A payment against an invoice is at its facility.',
    }),
  }),
});

const RefundInput = builder.inputType('RefundInput', {
  fields: (t) => ({
    patientId: t.id({ required: true }),
    currency: t.string({ required: true }),
    amountMinor: t.int({ required: true }),
    method: t.field({ type: RefundMethodEnum, required: true }),
    reference: t.string(),
    reason: t.string({ required: true }),
    facilityId: t.id({ description: 'The desk giving the money back; the caller’s own facility when they work at one.' }),
  }),
});

builder.queryFields((t) => ({
  payment: t.field({ type: PaymentType, args: { id: t.arg.id({ required: true }) }, resolve: (_r, { id }, ctx) => readPayment(ctx, String(id)) }),
  patientCredit: t.field({
    type: [PatientCreditType],
    description: "A patient's unused credit per currency (theirs at every facility; staff see it for a patient their facility bills).",
    args: { patientId: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const patientId = validId(String(args.patientId), 'Patient');
      await assertPatientMoney(ctx, ctx.db, patientId);
      ctx.audit.record({ action: 'read', entityType: 'PatientCredit', entityId: patientId, patientId });
      return creditBalances(ctx.db, patientId);
    },
  }),
}));

const str = (v: string | number | null | undefined) => (v == null ? null : String(v));

builder.mutationFields((t) => ({
  recordPayment: t.field({
    type: PaymentType,
    args: { input: t.arg({ type: PaymentInput, required: true }), idempotencyKey: t.arg.string({ description: IDEMPOTENCY_KEY_DESCRIPTION }) },
    resolve: (_r, { input, idempotencyKey }, ctx) =>
      recordPaymentOnce(ctx, { ...input, invoiceId: str(input.invoiceId), patientId: str(input.patientId) }, idempotencyKey),
  }),
  applyPatientCredit: t.field({
    type: PaymentType,
    description: "Pays an invoice out of the patient's credit: all that is owed (or the credit there is), or the amount given.",
    args: { invoiceId: t.arg.id({ required: true }), amountMinor: t.arg.int() },
    resolve: (_r, args, ctx) => applyPatientCredit(ctx, String(args.invoiceId), args.amountMinor),
  }),
  refundPatientCredit: t.field({
    type: RefundType,
    args: { input: t.arg({ type: RefundInput, required: true }) },
    resolve: (_r, { input }, ctx) => refundPatientCredit(ctx, { ...input, patientId: String(input.patientId), facilityId: str(input.facilityId) }),
  }),
}));
