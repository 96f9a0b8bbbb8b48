import { builder } from '../builder.ts';
import { invoiceById, paymentById } from '../services/loaders.ts';
import { confirmProviderPayment, type PaymentIntentRow, payOwnInvoice, readOwnIntent } from '../services/online-payments.ts';
import { InvoiceType } from './invoice.ts';
import { PaymentType } from './payment.ts';

const PaymentIntentStatusEnum = builder.enumType('PaymentIntentStatus', {
  description: 'PROCESSING: the card was charged and the provider has not confirmed yet; the invoice is paid only at SUCCEEDED.',
  values: { PENDING: { value: 'pending' }, PROCESSING: { value: 'processing' }, SUCCEEDED: { value: 'succeeded' }, DECLINED: { value: 'declined' } } as const,
});

const PaymentIntentType = builder.objectRef<PaymentIntentRow>('PaymentIntent').implement({
  description: "A patient's online card payment, through the payment provider.",
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.expose('status', { type: PaymentIntentStatusEnum }),
    amountMinor: t.exposeInt('amountMinor'),
    currency: t.exposeString('currency'),
    cardLast4: t.exposeString('cardLast4', { nullable: true }),
    declineCode: t.exposeString('declineCode', { nullable: true }),
    invoice: t.field({ type: InvoiceType, resolve: async (p, _a, ctx) => (await invoiceById(ctx).load(p.invoiceId))! }),
    payment: t.field({ type: PaymentType, nullable: true, resolve: (p, _a, ctx) => (p.paymentId ? paymentById(ctx).load(p.paymentId) : null) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const CardInput = builder.inputType('CardInput', {
  description: 'A card as typed by the patient. It goes to the payment provider and is never stored (only its last 4 digits).',
  fields: (t) => ({
    number: t.string({ required: true }),
    expMonth: t.int({ required: true }),
    expYear: t.int({ required: true, description: 'Four digits.' }),
    cvc: t.string({ required: true }),
  }),
});

builder.queryFields((t) => ({
  paymentIntent: t.field({
    type: PaymentIntentType,
    description: "One of the caller's own online payments, to follow it until the provider confirms.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => readOwnIntent(ctx, String(id)),
  }),
}));

builder.mutationFields((t) => ({
  payInvoice: t.field({
    type: PaymentIntentType,
    description:
      'A patient pays their own invoice by card through the payment provider. A declined card is BAD_USER_INPUT on card.number with extensions.declineCode. The invoice is paid only when the provider confirms (status SUCCEEDED). Retry with the same key never charges twice.',
    args: {
      invoiceId: t.arg.id({ required: true }),
      amountMinor: t.arg.int({ required: true }),
      idempotencyKey: t.arg.string({ required: true }),
      card: t.arg({ type: CardInput, required: true }),
    },
    resolve: (_r, args, ctx) => payOwnInvoice(ctx, { ...args, invoiceId: String(args.invoiceId) }),
  }),
  paymentProviderWebhook: t.boolean({
    description:
      'Called by the payment provider, not by people: a signed event (Stripe-style `t=…,v1=…` HMAC header) confirming or failing a payment. Replays are harmless.',
    args: { payload: t.arg.string({ required: true }), signature: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => confirmProviderPayment(ctx, args.payload, args.signature),
  }),
}));
