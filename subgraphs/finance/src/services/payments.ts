import { badInput, type Context, emitEvent, invalidState, notFound, parseInput, requireCapability, Topics, type Tx } from '@clinigraph/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { invoice, payment, refund } from '../db/schema.ts';
import { amountInput, currencyInput } from '../money.ts';
import { assertCanSee, assertInScope, assertPatientMoney, deskFacility, validId } from './access.ts';
import { addCredit, creditBalance, takeCredit } from './credit.ts';
import { balanceOf, emitInvoiceChanged, emitPaymentRecorded } from './events.ts';
import { lockScopedInvoice, settledStatus } from './invoice-core.ts';
import { type InvoiceRow, type PaymentRow, paymentById } from './loaders.ts';

type Method = PaymentRow['method'];

interface Tender {
  inv: InvoiceRow | null;
  /** The desk's facility for a deposit; a payment against an invoice is at the invoice's facility. */
  facilityId?: string | null;
  patientId: string;
  method: Method;
  amountMinor: number;
  currency: string;
  reference?: string | null;
  claimId?: string | null;
  createdBy: string | null;
}

export function assertPayable(inv: InvoiceRow, currency: string): void {
  if (inv.status === 'void') throw invalidState('This invoice is void and takes no payments', { invoiceStatus: inv.status });
  if (inv.status === 'draft') throw invalidState('Issue the invoice before taking payment for it', { invoiceStatus: inv.status });
  if (currency !== inv.currency) throw badInput(`This invoice is in ${inv.currency}, not ${currency}`);
}

/**
 * Records money against a locked invoice (or as a deposit): the invoice takes up to its balance and the
 * rest becomes patient credit, so nothing tendered is lost and the balance never goes below zero.
 * The first payment locks the invoice for good.
 */
export async function tender(tx: Tx, t: Tender): Promise<{ payment: PaymentRow; invoice: InvoiceRow | null }> {
  if (t.inv) assertPayable(t.inv, t.currency);
  const applied = t.inv ? Math.min(t.amountMinor, balanceOf(t.inv)) : 0;
  const credit = t.amountMinor - applied;
  if (t.method === 'credit' && credit > 0) throw badInput('Credit can pay at most the balance');
  const [pay] = await tx
    .insert(payment)
    .values({
      patientId: t.patientId,
      facilityId: t.inv ? t.inv.facilityId : (t.facilityId ?? null),
      invoiceId: t.inv?.id ?? null,
      claimId: t.claimId ?? null,
      method: t.method,
      reference: t.reference ?? null,
      currency: t.currency,
      tenderedMinor: t.amountMinor,
      appliedMinor: applied,
      creditMinor: credit,
      createdBy: t.createdBy,
    })
    .returning();
  let inv: InvoiceRow | null = null;
  if (t.inv) {
    const paidMinor = t.inv.paidMinor + applied;
    const now = new Date();
    const [updated] = await tx
      .update(invoice)
      .set({
        paidMinor,
        paidByInsuranceMinor: t.inv.paidByInsuranceMinor + (t.method === 'insurance' ? applied : 0),
        lockedAt: t.inv.lockedAt ?? now,
        status: settledStatus({ ...t.inv, paidMinor }),
        updatedAt: now,
      })
      .where(eq(invoice.id, t.inv.id))
      .returning();
    inv = updated!;
  }
  await addCredit(tx, t.patientId, t.currency, credit, t.inv ? 'overpayment' : 'deposit', { paymentId: pay!.id, invoiceId: t.inv?.id, createdBy: t.createdBy });
  return { payment: pay!, invoice: inv };
}

export async function finishPayment(ctx: Context, tx: Tx, result: { payment: PaymentRow; invoice: InvoiceRow | null }): Promise<PaymentRow> {
  const pay = result.payment;
  await ctx.audit.write(tx, {
    action: 'create',
    entityType: 'Payment',
    entityId: pay.id,
    patientId: pay.patientId,
    detail: { invoiceId: pay.invoiceId, method: pay.method, tenderedMinor: pay.tenderedMinor, appliedMinor: pay.appliedMinor, creditMinor: pay.creditMinor },
  });
  const actor = ctx.identity?.userId ?? null;
  await emitPaymentRecorded(tx, pay, result.invoice, actor);
  if (result.invoice) await emitInvoiceChanged(tx, result.invoice, actor, 'payment');
  return pay;
}

const paymentInput = z
  .object({
    invoiceId: z.uuid().nullish(),
    patientId: z.uuid().nullish(),
    method: z.enum(['cash', 'card', 'insurance']),
    amountMinor: amountInput,
    currency: currencyInput,
    reference: z.string().trim().min(1).max(200).nullish(),
    facilityId: z.uuid().nullish(),
  })
  .refine((v) => v.invoiceId || v.patientId, { message: 'Give an invoice, or a patient for a deposit' })
  .refine((v) => v.method === 'cash' || v.reference, { message: 'A card or insurance payment needs a reference', path: ['reference'] });

/** A payment taken by billing staff: against an invoice, or a deposit into the patient's credit. */
export async function recordPayment(ctx: Context, raw: z.input<typeof paymentInput>): Promise<PaymentRow> {
  const identity = requireCapability(ctx, 'money.collect');
  const input = parseInput(paymentInput, raw);
  return ctx.db.transaction(async (tx) => {
    const inv = input.invoiceId ? await lockScopedInvoice(ctx, tx, input.invoiceId) : null;
    if (inv && input.patientId && input.patientId !== inv.patientId) throw badInput('This invoice belongs to another patient');
    if (inv && input.facilityId && input.facilityId !== inv.facilityId) throw badInput('A payment is taken at its invoice’s facility');
    const patientId = inv?.patientId ?? input.patientId!;
    const facilityId = inv ? inv.facilityId : deskFacility(ctx, input.facilityId);
    const result = await tender(tx, { ...input, inv, facilityId, patientId, createdBy: identity.userId });
    return finishPayment(ctx, tx, result);
  });
}

/** Pays an invoice out of the patient's credit (all that is owed, or the amount given). */
export async function applyPatientCredit(ctx: Context, invoiceId: string, rawAmount?: number | null): Promise<PaymentRow> {
  const identity = requireCapability(ctx, 'money.collect');
  const requested = rawAmount == null ? null : parseInput(amountInput, rawAmount);
  return ctx.db.transaction(async (tx) => {
    const inv = await lockScopedInvoice(ctx, tx, invoiceId);
    assertPayable(inv, inv.currency);
    const balance = balanceOf(inv);
    if (balance === 0) throw invalidState('Nothing is owed on this invoice');
    if (requested != null && requested > balance) throw badInput(`Only ${balance} is owed on this invoice`);
    const amount = requested ?? Math.min(balance, await creditBalance(tx, inv.patientId, inv.currency));
    if (amount <= 0) throw invalidState(`The patient has no ${inv.currency} credit`);
    const result = await tender(tx, {
      inv,
      patientId: inv.patientId,
      method: 'credit',
      amountMinor: amount,
      currency: inv.currency,
      createdBy: identity.userId,
    });
    await takeCredit(tx, inv.patientId, inv.currency, amount, 'applied', { paymentId: result.payment.id, invoiceId: inv.id, createdBy: identity.userId });
    return finishPayment(ctx, tx, result);
  });
}

const refundInput = z.object({
  patientId: z.uuid(),
  currency: currencyInput,
  amountMinor: amountInput,
  method: z.enum(['cash', 'card']),
  reference: z.string().trim().min(1).max(200).nullish(),
  reason: z.string().trim().min(3, 'A reason is required').max(500),
  facilityId: z.uuid().nullish(),
});

/** Gives money back out of a patient's credit: an overpayment, a deposit, or what a credit note freed. */
export async function refundPatientCredit(ctx: Context, raw: z.input<typeof refundInput>) {
  const identity = requireCapability(ctx, 'money.collect');
  const { facilityId: requested, ...input } = parseInput(refundInput, raw);
  const facilityId = deskFacility(ctx, requested);
  return ctx.db.transaction(async (tx) => {
    await assertPatientMoney(ctx, tx, input.patientId);
    const [row] = await tx
      .insert(refund)
      .values({ ...input, facilityId, reference: input.reference ?? null, createdBy: identity.userId })
      .returning();
    await takeCredit(tx, input.patientId, input.currency, input.amountMinor, 'refund', { refundId: row!.id, createdBy: identity.userId });
    await ctx.audit.write(tx, {
      action: 'create',
      entityType: 'Refund',
      entityId: row!.id,
      patientId: input.patientId,
      detail: { amountMinor: input.amountMinor },
    });
    await emitEvent(tx, {
      topic: Topics.paymentRecorded,
      entityType: 'Refund',
      entityId: row!.id,
      facilityId,
      patientId: input.patientId,
      actorId: identity.userId,
      payload: { number: row!.number, refund: true, currency: row!.currency, amountMinor: row!.amountMinor },
    });
    return row!;
  });
}

export async function readPayment(ctx: Context, id: string): Promise<PaymentRow> {
  const row = await paymentById(ctx).load(validId(id, 'Payment'));
  if (!row) throw notFound('Payment');
  assertCanSee(ctx, row.patientId, 'Payment');
  assertInScope(ctx, row.facilityId, 'Payment');
  ctx.audit.record({ action: 'read', entityType: 'Payment', entityId: row.id, patientId: row.patientId });
  return row;
}
