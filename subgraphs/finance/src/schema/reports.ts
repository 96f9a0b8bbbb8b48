import { builder } from '../builder.ts';
import { patientNames, providerNames } from '../services/export-names.ts';
import { outstandingCsv, revenueCsv } from '../services/report-csv.ts';
import {
  type AgeingBucket,
  type OutstandingReport,
  type OutstandingRow,
  outstandingReport,
  type RevenueReport,
  type RevenueRow,
  revenueReport,
} from '../services/reports.ts';
import { RevenueGroupingEnum } from './enums.ts';
import { PatientRef, ProviderRef, patientOf, providerOf } from './refs.ts';

const RevenueRowType = builder.objectRef<RevenueRow>('RevenueRow').implement({
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The day, provider id, service type:code, or payer name (Self-pay for patients).' }),
    label: t.exposeString('label', { description: 'Grouped by provider, the id: ask `provider { displayName }` for the name.' }),
    provider: t.field({
      type: ProviderRef,
      nullable: true,
      description: 'The provider, when the report is grouped by provider.',
      resolve: (r) => (r.providerId ? providerOf(r.providerId) : null),
    }),
    currency: t.exposeString('currency'),
    invoiceCount: t.exposeInt('invoiceCount'),
    netMinor: t.exposeInt('netMinor'),
    taxMinor: t.exposeInt('taxMinor'),
    totalMinor: t.exposeInt('totalMinor'),
  }),
});

const RevenueTotalType = builder.objectRef<RevenueReport['totals'][number]>('RevenueTotal').implement({
  fields: (t) => ({
    currency: t.exposeString('currency'),
    netMinor: t.exposeInt('netMinor'),
    taxMinor: t.exposeInt('taxMinor'),
    totalMinor: t.exposeInt('totalMinor'),
  }),
});

const RevenueReportType = builder.objectRef<RevenueReport>('RevenueReport').implement({
  description: 'Revenue billed on issued invoices less credit notes, by date of issue (or of the credit note) in a time zone.',
  fields: (t) => ({
    groupBy: t.expose('groupBy', { type: RevenueGroupingEnum }),
    from: t.expose('from', { type: 'Date' }),
    to: t.expose('to', { type: 'Date' }),
    timeZone: t.exposeString('timeZone'),
    rows: t.field({ type: [RevenueRowType], resolve: (r) => r.rows }),
    totals: t.field({ type: [RevenueTotalType], resolve: (r) => r.totals }),
    csv: t.string({
      description: 'The report as CSV; grouped by provider, rows carry the provider’s name.',
      resolve: async (r, _a, ctx) =>
        revenueCsv(
          r,
          r.groupBy === 'provider'
            ? await providerNames(
                ctx,
                r.rows.map((row) => row.key).filter((k) => k !== 'none'),
              )
            : undefined,
        ),
    }),
  }),
});

const AgeingType = builder.objectRef<Record<AgeingBucket, number>>('AgeingBuckets').implement({
  description: 'Balances by days past the due date.',
  fields: (t) => ({
    current: t.int({ description: 'Not yet due.', resolve: (b) => b.current }),
    days1to30: t.int({ resolve: (b) => b['1-30'] }),
    days31to60: t.int({ resolve: (b) => b['31-60'] }),
    days61to90: t.int({ resolve: (b) => b['61-90'] }),
    over90: t.int({ resolve: (b) => b['90+'] }),
  }),
});

const OutstandingRowType = builder.objectRef<OutstandingRow>('OutstandingRow').implement({
  fields: (t) => ({
    patient: t.field({ type: PatientRef, resolve: (r) => patientOf(r.patientId) }),
    currency: t.exposeString('currency'),
    invoiceCount: t.exposeInt('invoiceCount'),
    balanceMinor: t.exposeInt('balanceMinor'),
    ageing: t.field({ type: AgeingType, resolve: (r) => r.buckets }),
  }),
});

const OutstandingTotalType = builder.objectRef<OutstandingReport['totals'][number]>('OutstandingTotal').implement({
  fields: (t) => ({
    currency: t.exposeString('currency'),
    balanceMinor: t.exposeInt('balanceMinor'),
    ageing: t.field({ type: AgeingType, resolve: (r) => r.buckets }),
  }),
});

const OutstandingReportType = builder.objectRef<OutstandingReport>('OutstandingReport').implement({
  fields: (t) => ({
    asOf: t.expose('asOf', { type: 'Date' }),
    rows: t.field({ type: [OutstandingRowType], resolve: (r) => r.rows }),
    totals: t.field({ type: [OutstandingTotalType], resolve: (r) => r.totals }),
    csv: t.string({
      description: 'The report as CSV, each patient by name and MRN.',
      resolve: async (r, _a, ctx) => outstandingCsv(r, await patientNames(ctx, [...new Set(r.rows.map((row) => row.patientId))])),
    }),
  }),
});

builder.queryFields((t) => ({
  revenueReport: t.field({
    type: RevenueReportType,
    description: 'Billing staff only.',
    args: {
      groupBy: t.arg({ type: RevenueGroupingEnum, required: true }),
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
      timeZone: t.arg.string({ description: 'IANA zone the dates are in; UTC by default.' }),
    },
    resolve: (_r, args, ctx) => revenueReport(ctx, args.groupBy, args.from, args.to, args.timeZone ?? 'UTC'),
  }),
  outstandingReport: t.field({
    type: OutstandingReportType,
    description: 'Open balances per patient with ageing buckets. Billing staff only.',
    args: { asOf: t.arg({ type: 'Date', description: 'Today (UTC) by default.' }) },
    resolve: (_r, args, ctx) => outstandingReport(ctx, args.asOf ?? new Date().toISOString().slice(0, 10)),
  }),
}));
