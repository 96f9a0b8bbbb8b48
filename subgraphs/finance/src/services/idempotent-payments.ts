import { type Context, idempotent } from '@clinigraph/kit';
import { eq } from 'drizzle-orm';
import { idempotencyKey, payment } from '../db/schema.ts';
import type { PaymentRow } from './loaders.ts';
import { recordPayment } from './payments.ts';

/** The payment a first request recorded, for a retry of it (the same caller recorded it, so may see it). */
async function recordedPayment(ctx: Context, id: string): Promise<PaymentRow> {
  const [row] = await ctx.db.select().from(payment).where(eq(payment.id, id));
  if (!row) throw new Error(`payment ${id} of an idempotency key is gone`);
  return row;
}

/** recordPayment, at most once per idempotency key: a network retry answers the first payment instead of taking the money twice. */
export const recordPaymentOnce = (ctx: Context, input: Parameters<typeof recordPayment>[1], key: string | null | undefined): Promise<PaymentRow> =>
  idempotent(ctx, { table: idempotencyKey, operation: 'recordPayment', key, input, idOf: (row) => row.id, replay: recordedPayment }, (scoped) =>
    recordPayment(scoped, input),
  );
