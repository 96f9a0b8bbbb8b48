import type { Context } from '@clinigraph/kit';
import { and, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import { creditNote, invoice, patientCredit, payment, refund } from '../db/schema.ts';
import { assertPatientMoney, facilitiesOf, inScope } from './access.ts';

export interface StatementEntry {
  at: Date;
  kind: 'invoice' | 'credit_note' | 'payment' | 'refund';
  reference: string;
  description: string;
  invoiceId: string | null;
  /** Signed: + what the patient was billed (or refunded), − what they paid or were credited. */
  amountMinor: number;
  balanceMinor: number;
}

export interface PatientStatement {
  patientId: string;
  currency: string;
  from: Date | null;
  to: Date | null;
  openingBalanceMinor: number;
  closingBalanceMinor: number;
  entries: StatementEntry[];
  /** Owed on open invoices now. */
  outstandingMinor: number;
  /** Unused credit now. closing balance (over all time) = outstanding − credit. */
  creditMinor: number;
  /** Part of the outstanding amount that payers are expected to pay. */
  insurancePendingMinor: number;
}

type RawEntry = Omit<StatementEntry, 'balanceMinor'> & { currency: string };

const OPEN = ['issued', 'partially_paid'] as const;

/** The patient's movements at the caller's facilities (every facility's for network-wide staff and the patient). */
async function rawEntries(ctx: Context, patientId: string): Promise<RawEntry[]> {
  const scope = facilitiesOf(ctx);
  const [invoices, notes, payments, refunds] = await Promise.all([
    ctx.db
      .select()
      .from(invoice)
      .where(and(eq(invoice.patientId, patientId), inScope(scope, invoice.facilityId), notInArray(invoice.status, ['draft', 'void']))),
    ctx.db
      .select({ creditNote })
      .from(creditNote)
      .innerJoin(invoice, eq(invoice.id, creditNote.invoiceId))
      .where(and(eq(creditNote.patientId, patientId), inScope(scope, invoice.facilityId)))
      .then((rows) => rows.map((r) => r.creditNote)),
    ctx.db
      .select({ payment, invoiceNumber: invoice.number })
      .from(payment)
      .leftJoin(invoice, eq(invoice.id, payment.invoiceId))
      .where(and(eq(payment.patientId, patientId), inScope(scope, payment.facilityId), ne(payment.method, 'credit'))),
    ctx.db
      .select()
      .from(refund)
      .where(and(eq(refund.patientId, patientId), inScope(scope, refund.facilityId))),
  ]);
  return [
    ...invoices.map((i) => ({
      at: i.issuedAt!,
      kind: 'invoice' as const,
      reference: i.number,
      description: `Invoice ${i.number}`,
      invoiceId: i.id,
      amountMinor: i.totalMinor,
      currency: i.currency,
    })),
    ...notes.map((n) => ({
      at: n.createdAt,
      kind: 'credit_note' as const,
      reference: n.number,
      description: `Credit note: ${n.reason}`,
      invoiceId: n.invoiceId,
      amountMinor: -n.totalMinor,
      currency: n.currency,
    })),
    ...payments.map(({ payment: p, invoiceNumber }) => ({
      at: p.createdAt,
      kind: 'payment' as const,
      reference: p.number,
      description: `${p.method} payment${invoiceNumber ? ` for ${invoiceNumber}` : ' (deposit)'}${p.creditMinor ? `, ${p.creditMinor} to credit` : ''}`,
      invoiceId: p.invoiceId,
      amountMinor: -p.tenderedMinor,
      currency: p.currency,
    })),
    ...refunds.map((r) => ({
      at: r.createdAt,
      kind: 'refund' as const,
      reference: r.number,
      description: `Refund: ${r.reason}`,
      invoiceId: null,
      amountMinor: r.amountMinor,
      currency: r.currency,
    })),
  ];
}

/**
 * A patient's account per currency: balance, credit and every movement, with a running balance. Staff
 * of some facilities get the movements of their facilities; the credit is the patient's everywhere.
 */
export async function patientStatements(
  ctx: Context,
  patientId: string,
  opts: { currency?: string | null; from?: Date | null; to?: Date | null },
): Promise<PatientStatement[]> {
  await assertPatientMoney(ctx, ctx.db, patientId);
  ctx.audit.record({ action: 'read', entityType: 'PatientStatement', entityId: patientId, patientId });
  const all = (await rawEntries(ctx, patientId)).sort((a, b) => a.at.getTime() - b.at.getTime() || a.reference.localeCompare(b.reference));
  const [open, credits] = await Promise.all([
    ctx.db
      .select({
        currency: invoice.currency,
        outstanding: sql<number>`sum(${invoice.totalMinor} - ${invoice.creditedMinor} - ${invoice.paidMinor})::bigint`.mapWith(Number),
        insurance: sql<number>`sum(greatest(0, least(${invoice.insuranceShareMinor} - ${invoice.paidByInsuranceMinor},
          ${invoice.totalMinor} - ${invoice.creditedMinor} - ${invoice.paidMinor})))::bigint`.mapWith(Number),
      })
      .from(invoice)
      .where(and(eq(invoice.patientId, patientId), inScope(facilitiesOf(ctx), invoice.facilityId), inArray(invoice.status, [...OPEN])))
      .groupBy(invoice.currency),
    ctx.db.select().from(patientCredit).where(eq(patientCredit.patientId, patientId)),
  ]);
  const currencies = opts.currency ? [opts.currency] : [...new Set([...all.map((e) => e.currency), ...credits.map((c) => c.currency)])].sort();
  return currencies.map((currency) => {
    const mine = all.filter((e) => e.currency === currency && (!opts.to || e.at <= opts.to));
    const before = opts.from ? mine.filter((e) => e.at < opts.from!) : [];
    const openingBalanceMinor = before.reduce((s, e) => s + e.amountMinor, 0);
    let running = openingBalanceMinor;
    const entries = mine
      .filter((e) => !opts.from || e.at >= opts.from)
      .map(({ currency: _c, ...e }) => {
        running += e.amountMinor;
        return { ...e, balanceMinor: running };
      });
    const o = open.find((r) => r.currency === currency);
    return {
      patientId,
      currency,
      from: opts.from ?? null,
      to: opts.to ?? null,
      openingBalanceMinor,
      closingBalanceMinor: running,
      entries,
      outstandingMinor: o?.outstanding ?? 0,
      creditMinor: credits.find((c) => c.currency === currency)?.balanceMinor ?? 0,
      insurancePendingMinor: o?.insurance ?? 0,
    };
  });
}
