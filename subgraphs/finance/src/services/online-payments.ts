import { AppError, badInput, type Context, can, ErrorCode, forbidden, notFound, parseInput } from '@clinigraph/kit';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { paymentIntent } from '../db/schema.ts';
import { amountInput } from '../money.ts';
import { WebhookSignatureError } from '../payments/provider.ts';
import { paymentProvider } from '../payments/registry.ts';
import { cardInput } from './card-input.ts';
import { balanceOf } from './events.ts';
import { lockInvoice } from './invoice-core.ts';
import { assertPayable, finishPayment, tender } from './payments.ts';

export type PaymentIntentRow = typeof paymentIntent.$inferSelect;

const intentInput = z.object({ invoiceId: z.uuid(), amountMinor: amountInput, idempotencyKey: z.string().trim().min(8).max(100), card: cardInput });

const declined = (message: string, declineCode: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, { issues: [{ path: 'card.number', message }], declineCode });

function ownPatient(ctx: Context): { patientId: string } {
  const identity = ctx.identity;
  if (!identity?.patientId || !can(identity, 'own.pay')) throw notFound('Invoice');
  return { patientId: identity.patientId };
}

/**
 * A patient pays their own invoice by card. The intent is recorded, the provider charges the card, and
 * the invoice is paid only when the provider's signed webhook confirms (`confirmProviderPayment`).
 * A retry with the same idempotency key never charges again: it answers the intent as it stands.
 */
export async function payOwnInvoice(ctx: Context, raw: z.input<typeof intentInput>): Promise<PaymentIntentRow> {
  const { patientId } = ownPatient(ctx);
  const input = parseInput(intentInput, raw);
  const provider = paymentProvider();
  const started = await ctx.db.transaction(async (tx) => {
    const inv = await lockInvoice(tx, input.invoiceId);
    if (inv.patientId !== patientId) throw notFound('Invoice');
    const [previous] = await tx
      .select()
      .from(paymentIntent)
      .where(and(eq(paymentIntent.patientId, patientId), eq(paymentIntent.idempotencyKey, input.idempotencyKey)));
    if (previous) {
      if (previous.invoiceId !== inv.id || previous.amountMinor !== input.amountMinor) throw badInput('This idempotency key was used for another payment');
      return { intent: previous, fresh: false };
    }
    assertPayable(inv, inv.currency);
    if (input.amountMinor > balanceOf(inv))
      throw badInput(`The balance is ${balanceOf(inv)}; pay at most that`, [{ path: 'amountMinor', message: 'More than you owe' }]);
    const [intent] = await tx
      .insert(paymentIntent)
      .values({
        patientId,
        invoiceId: inv.id,
        idempotencyKey: input.idempotencyKey,
        amountMinor: input.amountMinor,
        currency: inv.currency,
        provider: provider.name,
        cardLast4: input.card.number.slice(-4),
      })
      .returning();
    await ctx.audit.write(tx, {
      action: 'create',
      entityType: 'PaymentIntent',
      entityId: intent!.id,
      patientId,
      detail: { invoiceId: inv.id, amountMinor: input.amountMinor },
    });
    return { intent: intent!, fresh: true };
  });
  if (!started.fresh) {
    if (started.intent.status === 'declined') throw declined('This payment was declined. Try another card.', started.intent.declineCode ?? 'card_declined');
    return started.intent;
  }
  const result = await provider.charge({
    intentId: started.intent.id,
    amountMinor: started.intent.amountMinor,
    currency: started.intent.currency,
    card: input.card,
  });
  const id = started.intent.id;
  if (result.status === 'declined') {
    await ctx.db
      .update(paymentIntent)
      .set({ status: 'declined', providerRef: result.providerRef, declineCode: result.declineCode, updatedAt: new Date() })
      .where(and(eq(paymentIntent.id, id), eq(paymentIntent.status, 'pending')));
    throw declined(result.message, result.declineCode);
  }
  // The webhook may already have confirmed it; a later state is never moved back.
  await ctx.db
    .update(paymentIntent)
    .set({ status: 'processing', providerRef: result.providerRef, updatedAt: new Date() })
    .where(and(eq(paymentIntent.id, id), eq(paymentIntent.status, 'pending')));
  return (await ctx.db.select().from(paymentIntent).where(eq(paymentIntent.id, id)))[0]!;
}

/**
 * The provider's webhook. The signature is the caller's authority (the provider has no account). The
 * intent row is locked, so a replayed or concurrent confirmation finds it settled and pays nothing more.
 */
export async function confirmProviderPayment(ctx: Context, payload: string, signature: string): Promise<boolean> {
  const provider = paymentProvider();
  let event: ReturnType<typeof provider.verifyWebhook>;
  try {
    event = provider.verifyWebhook(payload, signature);
  } catch (error) {
    if (error instanceof WebhookSignatureError || error instanceof SyntaxError) throw forbidden('The webhook signature is not valid');
    throw error;
  }
  return ctx.db.transaction(async (tx) => {
    const [intent] = await tx.select().from(paymentIntent).where(eq(paymentIntent.id, event.intentId)).for('update');
    if (!intent) throw notFound('Payment');
    if (intent.status === 'succeeded' || intent.status === 'declined') return true;
    if (intent.amountMinor !== event.amountMinor || intent.currency !== event.currency) throw badInput('The confirmed amount does not match the payment');
    const now = new Date();
    if (event.type === 'payment.failed') {
      await tx
        .update(paymentIntent)
        .set({ status: 'declined', declineCode: event.declineCode ?? 'declined', providerRef: event.providerRef, updatedAt: now })
        .where(eq(paymentIntent.id, intent.id));
      return true;
    }
    const inv = await lockInvoice(tx, intent.invoiceId);
    // Money the provider took is never lost: an invoice voided meanwhile sends it all to the patient's credit.
    const payable = inv.status === 'void' || inv.status === 'draft' ? null : inv;
    const result = await tender(tx, {
      inv: payable,
      patientId: intent.patientId,
      method: 'online',
      amountMinor: intent.amountMinor,
      currency: intent.currency,
      reference: event.providerRef,
      createdBy: null,
    });
    await tx
      .update(paymentIntent)
      .set({ status: 'succeeded', providerRef: event.providerRef, paymentId: result.payment.id, updatedAt: now })
      .where(eq(paymentIntent.id, intent.id));
    await finishPayment(ctx, tx, result);
    return true;
  });
}

/** An intent the caller may see: the patient's own (NOT_FOUND otherwise, as for a missing one). */
export async function readOwnIntent(ctx: Context, id: string): Promise<PaymentIntentRow> {
  const { patientId } = ownPatient(ctx);
  const [row] = z.uuid().safeParse(id).success ? await ctx.db.select().from(paymentIntent).where(eq(paymentIntent.id, id)) : [];
  if (!row || row.patientId !== patientId) throw notFound('Payment');
  ctx.audit.record({ action: 'read', entityType: 'PaymentIntent', entityId: row.id, patientId });
  return row;
}
