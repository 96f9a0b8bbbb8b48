import { badInput, type Context, dateRange, parseInput, requireCapability, SPAN_LIMITS } from '@clinigraph/kit';
import { and, eq, gte, inArray, lt, notInArray, sql } from 'drizzle-orm';
import { claim, claimLine, creditNote, creditNoteLine, invoice, invoiceLine } from '../db/schema.ts';
import { facilitiesOf, inScope } from './access.ts';
import { isTimeZone } from './pricing.ts';

export type RevenueGrouping = 'day' | 'provider' | 'service' | 'payer';
export const SELF_PAY = 'Self-pay';

export interface RevenueRow {
  key: string;
  label: string;
  /** Set when grouped by provider. */
  providerId?: string | null;
  currency: string;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  invoiceCount: number;
}

export interface RevenueReport {
  groupBy: RevenueGrouping;
  from: string;
  to: string;
  timeZone: string;
  rows: RevenueRow[];
  totals: Omit<RevenueRow, 'key' | 'label' | 'providerId' | 'invoiceCount'>[];
}

interface Fact {
  invoiceId: string;
  currency: string;
  day: string;
  providerId: string | null;
  serviceType: string;
  code: string;
  description: string;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  /** The payer's share of this amount and who the payer is (null: the patient pays it all). */
  payer: string | null;
  payerMinor: number;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function window(from: string, to: string, timeZone: string) {
  if (!isoDate.test(from) || !isoDate.test(to) || from > to) throw badInput('Give a date range, from ≤ to, as YYYY-MM-DD');
  parseInput(dateRange(SPAN_LIMITS.report), { from, to });
  if (!isTimeZone(timeZone)) throw badInput('timeZone: unknown IANA time zone', [{ path: 'timeZone', message: 'is not a known IANA time zone' }]);
}

const localDay = (column: unknown, timeZone: string) => sql<string>`to_char((${column} AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD')`;
const inRange = (column: unknown, from: string, to: string, timeZone: string) =>
  sql`(${column} AT TIME ZONE ${timeZone})::date BETWEEN ${from}::date AND ${to}::date`;

/** Every billed line of an issued invoice of the caller's facilities in the window, and every credit note line (negative) in it. */
async function revenueFacts(ctx: Context, from: string, to: string, timeZone: string): Promise<Fact[]> {
  const scope = facilitiesOf(ctx);
  const payerShare = sql<number>`coalesce(CASE
      WHEN ${claim.status} IN ('approved', 'partially_approved', 'paid') THEN ${claimLine.approvedMinor}
      WHEN ${claim.status} = 'denied' THEN 0
      ELSE ${claimLine.claimedMinor} END, 0)::bigint`.mapWith(Number);
  const billed = await ctx.db
    .select({
      invoiceId: invoice.id,
      currency: invoice.currency,
      day: localDay(invoice.issuedAt, timeZone),
      providerId: invoiceLine.providerId,
      serviceType: invoiceLine.serviceType,
      code: invoiceLine.code,
      description: invoiceLine.description,
      netMinor: sql<number>`(${invoiceLine.grossMinor} - ${invoiceLine.discountMinor})::bigint`.mapWith(Number),
      taxMinor: invoiceLine.taxMinor,
      totalMinor: invoiceLine.totalMinor,
      payer: claim.payer,
      payerMinor: payerShare,
    })
    .from(invoiceLine)
    .innerJoin(invoice, eq(invoice.id, invoiceLine.invoiceId))
    .leftJoin(claimLine, eq(claimLine.invoiceLineId, invoiceLine.id))
    .leftJoin(claim, eq(claim.id, claimLine.claimId))
    .where(and(inScope(scope, invoice.facilityId), notInArray(invoice.status, ['draft', 'void']), inRange(invoice.issuedAt, from, to, timeZone)));
  const credited = await ctx.db
    .select({
      invoiceId: creditNote.invoiceId,
      currency: creditNote.currency,
      day: localDay(creditNote.createdAt, timeZone),
      providerId: invoiceLine.providerId,
      serviceType: invoiceLine.serviceType,
      code: invoiceLine.code,
      description: invoiceLine.description,
      netMinor: sql<number>`-(${creditNoteLine.amountMinor} - ${creditNoteLine.taxMinor})::bigint`.mapWith(Number),
      taxMinor: sql<number>`-${creditNoteLine.taxMinor}::bigint`.mapWith(Number),
      totalMinor: sql<number>`-${creditNoteLine.amountMinor}::bigint`.mapWith(Number),
    })
    .from(creditNoteLine)
    .innerJoin(creditNote, eq(creditNote.id, creditNoteLine.creditNoteId))
    .innerJoin(invoiceLine, eq(invoiceLine.id, creditNoteLine.invoiceLineId))
    .innerJoin(invoice, eq(invoice.id, creditNote.invoiceId))
    .where(and(inScope(scope, invoice.facilityId), inRange(creditNote.createdAt, from, to, timeZone)));
  return [...billed.map((f) => ({ ...f, payerMinor: f.payer ? f.payerMinor : 0 })), ...credited.map((f) => ({ ...f, payer: null, payerMinor: 0 }))];
}

type Part = { key: string; label: string; netMinor: number; taxMinor: number; totalMinor: number };

function splitByPayer(f: Fact): Part[] {
  if (!f.payer || f.payerMinor === 0 || f.totalMinor === 0)
    return [{ key: SELF_PAY, label: SELF_PAY, netMinor: f.netMinor, taxMinor: f.taxMinor, totalMinor: f.totalMinor }];
  // The payer's part of the tax is in proportion to its share; integer division, the patient keeps the rest.
  const payerTax = Number((BigInt(f.taxMinor) * BigInt(f.payerMinor)) / BigInt(f.totalMinor));
  const payer = { key: f.payer, label: f.payer, netMinor: f.payerMinor - payerTax, taxMinor: payerTax, totalMinor: f.payerMinor };
  const self = {
    key: SELF_PAY,
    label: SELF_PAY,
    netMinor: f.netMinor - payer.netMinor,
    taxMinor: f.taxMinor - payerTax,
    totalMinor: f.totalMinor - f.payerMinor,
  };
  return self.totalMinor === 0 ? [payer] : [payer, self];
}

/** The rows a fact counts towards; only the payer grouping splits one line (payer's share, patient's share). */
function partsOf(f: Fact, groupBy: RevenueGrouping): Part[] {
  const whole = (key: string, label: string): Part[] => [{ key, label, netMinor: f.netMinor, taxMinor: f.taxMinor, totalMinor: f.totalMinor }];
  if (groupBy === 'day') return whole(f.day, f.day);
  if (groupBy === 'provider') return whole(f.providerId ?? 'none', f.providerId ?? 'No provider');
  if (groupBy === 'service') return whole(`${f.serviceType}:${f.code}`, `${f.code} — ${f.description}`);
  return splitByPayer(f);
}

/** Revenue (billed less credit notes) over dates in a time zone, grouped by day, provider, service or payer. */
export async function revenueReport(ctx: Context, groupBy: RevenueGrouping, from: string, to: string, timeZone = 'UTC'): Promise<RevenueReport> {
  requireCapability(ctx, 'finance.read');
  window(from, to, timeZone);
  ctx.audit.record({ action: 'export', entityType: 'RevenueReport', detail: { groupBy, from, to, timeZone } });
  const facts = await revenueFacts(ctx, from, to, timeZone);
  const rows = new Map<string, RevenueRow & { invoices: Set<string> }>();
  for (const f of facts) {
    for (const p of partsOf(f, groupBy)) {
      const id = `${f.currency}|${p.key}`;
      const row = rows.get(id) ?? {
        key: p.key,
        label: p.label,
        providerId: groupBy === 'provider' ? f.providerId : null,
        currency: f.currency,
        netMinor: 0,
        taxMinor: 0,
        totalMinor: 0,
        invoiceCount: 0,
        invoices: new Set(),
      };
      row.netMinor += p.netMinor;
      row.taxMinor += p.taxMinor;
      row.totalMinor += p.totalMinor;
      row.invoices.add(f.invoiceId);
      rows.set(id, row);
    }
  }
  const list = [...rows.values()]
    .map(({ invoices, ...r }) => ({ ...r, invoiceCount: invoices.size }))
    .sort((a, b) => a.currency.localeCompare(b.currency) || a.key.localeCompare(b.key));
  const totals = [...new Set(list.map((r) => r.currency))].map((currency) => {
    const mine = list.filter((r) => r.currency === currency);
    return {
      currency,
      netMinor: mine.reduce((s, r) => s + r.netMinor, 0),
      taxMinor: mine.reduce((s, r) => s + r.taxMinor, 0),
      totalMinor: mine.reduce((s, r) => s + r.totalMinor, 0),
    };
  });
  return { groupBy, from, to, timeZone, rows: list, totals };
}

export const AGEING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

export interface OutstandingRow {
  patientId: string;
  currency: string;
  invoiceCount: number;
  balanceMinor: number;
  buckets: Record<AgeingBucket, number>;
}

export interface OutstandingReport {
  asOf: string;
  rows: OutstandingRow[];
  totals: { currency: string; balanceMinor: number; buckets: Record<AgeingBucket, number> }[];
}

const emptyBuckets = (): Record<AgeingBucket, number> => ({ current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 });

export function bucketFor(daysOverdue: number): AgeingBucket {
  if (daysOverdue <= 0) return 'current';
  if (daysOverdue <= 30) return '1-30';
  if (daysOverdue <= 60) return '31-60';
  if (daysOverdue <= 90) return '61-90';
  return '90+';
}

/** What each patient owes on open invoices of the caller's facilities, aged by days past the due date as of a date. */
export async function outstandingReport(ctx: Context, asOf: string): Promise<OutstandingReport> {
  requireCapability(ctx, 'finance.read');
  if (!isoDate.test(asOf)) throw badInput('asOf must be YYYY-MM-DD');
  ctx.audit.record({ action: 'export', entityType: 'OutstandingReport', detail: { asOf } });
  const open = await ctx.db
    .select({
      id: invoice.id,
      patientId: invoice.patientId,
      currency: invoice.currency,
      balance: sql<number>`(${invoice.totalMinor} - ${invoice.creditedMinor} - ${invoice.paidMinor})::bigint`.mapWith(Number),
      overdue: sql<number>`(${asOf}::date - coalesce(${invoice.dueDate}, ${invoice.issuedAt}::date))`.mapWith(Number),
    })
    .from(invoice)
    .where(
      and(
        inScope(facilitiesOf(ctx), invoice.facilityId),
        inArray(invoice.status, ['issued', 'partially_paid']),
        lt(invoice.issuedAt, sql`${asOf}::date + 1`),
        gte(invoice.totalMinor, 1),
      ),
    );
  const rows = new Map<string, OutstandingRow>();
  for (const inv of open) {
    if (inv.balance <= 0) continue;
    const id = `${inv.currency}|${inv.patientId}`;
    const row = rows.get(id) ?? { patientId: inv.patientId, currency: inv.currency, invoiceCount: 0, balanceMinor: 0, buckets: emptyBuckets() };
    row.invoiceCount++;
    row.balanceMinor += inv.balance;
    row.buckets[bucketFor(inv.overdue)] += inv.balance;
    rows.set(id, row);
  }
  const list = [...rows.values()].sort(
    (a, b) => a.currency.localeCompare(b.currency) || b.balanceMinor - a.balanceMinor || a.patientId.localeCompare(b.patientId),
  );
  const totals = [...new Set(list.map((r) => r.currency))].map((currency) => {
    const buckets = emptyBuckets();
    const mine = list.filter((r) => r.currency === currency);
    for (const r of mine) for (const b of AGEING_BUCKETS) buckets[b] += r.buckets[b];
    return { currency, balanceMinor: mine.reduce((s, r) => s + r.balanceMinor, 0), buckets };
  });
  return { asOf, rows: list, totals };
}
