import { stringify } from 'csv-stringify/sync';
import { decimalString } from '../money.ts';
import { AGEING_BUCKETS, type OutstandingReport, type RevenueReport } from './reports.ts';

/** A revenue report as CSV: one row per group and currency, then a TOTAL row per currency. */
export function revenueCsv(report: RevenueReport): string {
  const rows = [
    ...report.rows.map((r) => [
      report.groupBy,
      r.key,
      r.label,
      r.currency,
      r.invoiceCount,
      decimalString(r.netMinor, r.currency),
      decimalString(r.taxMinor, r.currency),
      decimalString(r.totalMinor, r.currency),
    ]),
    ...report.totals.map((t) => [
      'TOTAL',
      '',
      '',
      t.currency,
      '',
      decimalString(t.netMinor, t.currency),
      decimalString(t.taxMinor, t.currency),
      decimalString(t.totalMinor, t.currency),
    ]),
  ];
  return stringify(rows, { header: true, columns: ['group_by', 'key', 'label', 'currency', 'invoices', 'net', 'tax', 'total'] });
}

/** An outstanding-balances report as CSV, with the ageing buckets as columns. */
export function outstandingCsv(report: OutstandingReport): string {
  const rows = [
    ...report.rows.map((r) => [
      r.patientId,
      r.currency,
      r.invoiceCount,
      decimalString(r.balanceMinor, r.currency),
      ...AGEING_BUCKETS.map((b) => decimalString(r.buckets[b], r.currency)),
    ]),
    ...report.totals.map((t) => [
      'TOTAL',
      t.currency,
      '',
      decimalString(t.balanceMinor, t.currency),
      ...AGEING_BUCKETS.map((b) => decimalString(t.buckets[b], t.currency)),
    ]),
  ];
  return stringify(rows, { header: true, columns: ['patient_id', 'currency', 'invoices', 'balance', ...AGEING_BUCKETS.map((b) => `days_${b}`)] });
}
