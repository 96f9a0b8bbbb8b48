import { toCsv } from '@clinigraph/kit';
import { decimalString } from '../money.ts';
import { AGEING_BUCKETS, type OutstandingReport, type RevenueReport } from './reports.ts';

/** A patient as an export names them: never by a UUID alone. */
export interface NamedPatient {
  name: string;
  mrn: string;
}

/**
 * A revenue report as CSV: one row per group and currency, then a TOTAL row per currency. Grouped by
 * provider, each row is labelled with the provider's name (`providerNames`), not an id. Every cell is
 * spreadsheet-safe.
 */
export function revenueCsv(report: RevenueReport, providerNames: Map<string, string> = new Map()): string {
  const rows = [
    ...report.rows.map((r) => [
      report.groupBy,
      r.key,
      report.groupBy === 'provider' ? (providerNames.get(r.key) ?? r.label) : r.label,
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
  return toCsv(['group_by', 'key', 'label', 'currency', 'invoices', 'net', 'tax', 'total'], rows);
}

/** An outstanding-balances report as CSV: each patient by name and MRN, with the ageing buckets as columns. */
export function outstandingCsv(report: OutstandingReport, patients: Map<string, NamedPatient>): string {
  const rows = [
    ...report.rows.map((r) => [
      patients.get(r.patientId)?.name ?? '',
      patients.get(r.patientId)?.mrn ?? '',
      r.patientId,
      r.currency,
      r.invoiceCount,
      decimalString(r.balanceMinor, r.currency),
      ...AGEING_BUCKETS.map((b) => decimalString(r.buckets[b], r.currency)),
    ]),
    ...report.totals.map((t) => [
      'TOTAL',
      '',
      '',
      t.currency,
      '',
      decimalString(t.balanceMinor, t.currency),
      ...AGEING_BUCKETS.map((b) => decimalString(t.buckets[b], t.currency)),
    ]),
  ];
  return toCsv(['patient', 'mrn', 'patient_id', 'currency', 'invoices', 'balance', ...AGEING_BUCKETS.map((b) => `days_${b}`)], rows);
}
