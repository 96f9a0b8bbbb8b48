import { emitEvent, Topics, type Tx } from '@clinigraph/kit';
import type { InvoiceRow, PaymentRow } from './loaders.ts';

export const balanceOf = (inv: Pick<InvoiceRow, 'totalMinor' | 'creditedMinor' | 'paidMinor'>): number => inv.totalMinor - inv.creditedMinor - inv.paidMinor;

/**
 * invoice.changed for the billing desk's live view. Call as the transaction's last write (it takes the
 * event-order lock until commit); `change` says what happened.
 */
export async function emitInvoiceChanged(tx: Tx, inv: InvoiceRow, actorId: string | null, change: string): Promise<void> {
  await emitEvent(tx, {
    topic: Topics.invoiceChanged,
    entityType: 'Invoice',
    entityId: inv.id,
    facilityId: inv.facilityId,
    patientId: inv.patientId,
    actorId,
    payload: {
      change,
      number: inv.number,
      status: inv.status,
      currency: inv.currency,
      totalMinor: inv.totalMinor,
      paidMinor: inv.paidMinor,
      creditedMinor: inv.creditedMinor,
      balanceMinor: balanceOf(inv),
    },
  });
}

export async function emitPaymentRecorded(tx: Tx, pay: PaymentRow, inv: InvoiceRow | null, actorId: string | null): Promise<void> {
  await emitEvent(tx, {
    topic: Topics.paymentRecorded,
    entityType: 'Payment',
    entityId: pay.id,
    facilityId: pay.facilityId ?? inv?.facilityId ?? null,
    patientId: pay.patientId,
    actorId,
    payload: {
      number: pay.number,
      invoiceId: pay.invoiceId,
      method: pay.method,
      currency: pay.currency,
      tenderedMinor: pay.tenderedMinor,
      appliedMinor: pay.appliedMinor,
      creditMinor: pay.creditMinor,
    },
  });
}
