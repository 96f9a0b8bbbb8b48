import { randomUUID } from 'node:crypto';
import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decimalString } from '../money.ts';
import { charge, DRAFT, type FinanceTest, type InvoiceShape, ISSUE, issuedInvoice, parseCsv, pay, startFinanceTest } from '../test-support.ts';

let f: FinanceTest;
const today = new Date().toISOString().slice(0, 10);
let invoices: InvoiceShape[] = [];

beforeAll(async () => {
  f = await startFinanceTest();
  const patient = randomUUID();
  const policy = await f.billing.data<{ createInsurancePolicy: { id: string } }>(
    'mutation P($input: InsurancePolicyInput!) { createInsurancePolicy(input: $input) { id } }',
    { input: { patientId: patient, payer: 'Acme Health', memberId: 'A-1', coverageBasisPoints: 7000, currency: 'USD', validFrom: '2026-01-01' } },
  );
  invoices = [
    await issuedInvoice(
      f,
      [
        { unitPriceMinor: 10_000, taxRateBasisPoints: 1000, code: 'XRAY' },
        { unitPriceMinor: 333, quantity: 3, taxRateBasisPoints: 750, code: 'LAB' },
      ],
      patient,
    ),
    await issuedInvoice(f, [{ unitPriceMinor: 4999, code: 'LAB' }]),
    await issuedInvoice(f, [{ unitPriceMinor: 1234, code: 'XRAY' }], f.ids.patientB),
  ];
  await f.billing.data('mutation C($i: ID!, $p: ID!) { createClaim(invoiceId: $i, policyId: $p) { id } }', {
    i: invoices[0]!.id,
    p: policy.createInsurancePolicy.id,
  });
  await pay(f, invoices[1]!.id, 2000);
  await f.billing.data('mutation C($input: CreditNoteInput!) { createCreditNote(input: $input) { id } }', {
    input: { invoiceId: invoices[2]!.id, reason: 'Goodwill', lines: [{ invoiceLineId: invoices[2]!.lines[0]!.id, amountMinor: 234 }] },
  });
  // A draft and a void invoice: neither is revenue.
  await f.billing.data(DRAFT, { input: { chargeIds: [await charge(f, { unitPriceMinor: 777 })], patientId: f.ids.patientA } });
  const voided = await f.billing.data<{ createDraftInvoice: { id: string } }>(DRAFT, {
    input: { chargeIds: [await charge(f, { unitPriceMinor: 888 })], patientId: f.ids.patientA },
  });
  await f.billing.data(ISSUE, { id: voided.createDraftInvoice.id });
  await f.billing.data('mutation V($id: ID!) { voidInvoice(id: $id, reason: "Duplicate") { id } }', { id: voided.createDraftInvoice.id });
});
afterAll(() => f?.close());

// The CSV names providers and patients, which people owns: its content is specified in gateway/test/finance-documents.
const REVENUE = `query R($g: RevenueGrouping!, $from: Date!, $to: Date!, $csv: Boolean = false) { revenueReport(groupBy: $g, from: $from, to: $to) {
  rows { key currency netMinor taxMinor totalMinor invoiceCount } totals { currency netMinor taxMinor totalMinor } csv @include(if: $csv) } }`;
type Revenue = {
  rows: { key: string; netMinor: number; taxMinor: number; totalMinor: number }[];
  totals: { totalMinor: number; taxMinor: number }[];
  csv: string;
};

describe('reports', () => {
  it('revenue by day, provider, service and payer: every report totals the sum of its invoices (less credit notes)', async () => {
    const expectedTotal = invoices.reduce((s, i) => s + i.totalMinor, 0) - 234;
    const expectedTax = invoices.reduce((s, i) => s + i.taxMinor, 0);
    expect(expectedTotal).toBe(11_000 + 1074 + 4999 + 1234 - 234);
    for (const g of ['DAY', 'PROVIDER', 'SERVICE', 'PAYER']) {
      const { revenueReport } = await f.billing.data<{ revenueReport: Revenue }>(REVENUE, { g, from: today, to: today, csv: g !== 'PROVIDER' });
      expect(revenueReport.totals, g).toEqual([{ currency: 'USD', netMinor: expectedTotal - expectedTax, taxMinor: expectedTax, totalMinor: expectedTotal }]);
      expect(
        revenueReport.rows.reduce((s, r) => s + r.totalMinor, 0),
        g,
      ).toBe(expectedTotal);
      expect(
        revenueReport.rows.every((r) => r.netMinor + r.taxMinor === r.totalMinor),
        g,
      ).toBe(true);
      if (g === 'PROVIDER') continue;
      const csv = parseCsv(revenueReport.csv);
      expect(csv.at(-1)).toMatchObject({ group_by: 'TOTAL', total: decimalString(expectedTotal, 'USD') });
      expect(csv.length).toBe(revenueReport.rows.length + 1);
    }
    const byPayer = (await f.billing.data<{ revenueReport: Revenue }>(REVENUE, { g: 'PAYER', from: today, to: today })).revenueReport.rows;
    // 70% of invoice 1 (110.00 + 10.74 → 77.00 + 7.52) is expected from the payer; the rest is self-pay.
    expect(byPayer.find((r) => r.key === 'Acme Health')?.totalMinor).toBe(7700 + 752);
    const bySevice = (await f.billing.data<{ revenueReport: Revenue }>(REVENUE, { g: 'SERVICE', from: today, to: today })).revenueReport.rows;
    expect(bySevice.map((r) => [r.key, r.totalMinor])).toEqual([
      ['procedure:LAB', 1074 + 4999],
      ['procedure:XRAY', 11_000 + 1234 - 234],
    ]);
    const before = await f.billing.data<{ revenueReport: Revenue }>(REVENUE, { g: 'DAY', from: '2026-01-01', to: '2026-01-31' });
    expect(before.revenueReport.rows).toEqual([]);
  });

  it('outstanding balances with ageing buckets, as of a date', async () => {
    const OUT = `query O($asOf: Date) { outstandingReport(asOf: $asOf) { rows { patient { id } balanceMinor invoiceCount
      ageing { current days1to30 days31to60 days61to90 over90 } } totals { balanceMinor ageing { current days1to30 over90 } } } }`;
    const open = invoices[0]!.totalMinor + (invoices[1]!.totalMinor - 2000) + (invoices[2]!.totalMinor - 234);
    const now = await f.billing.data<{ outstandingReport: { totals: { balanceMinor: number; ageing: { current: number } }[] } }>(OUT, {});
    expect(now.outstandingReport.totals).toEqual([{ balanceMinor: open, ageing: { current: open, days1to30: 0, over90: 0 } }]);
    // Due 30 days after issue: 125 days on, the balance is 95 days overdue.
    const later = new Date(Date.now() + 125 * 86_400_000).toISOString().slice(0, 10);
    const aged = await f.billing.data<{ outstandingReport: { totals: { ageing: { over90: number; current: number } }[] } }>(OUT, { asOf: later });
    expect(aged.outstandingReport.totals[0]!.ageing).toMatchObject({ current: 0, over90: open });
    expect(codeOf(await f.patientA.request(OUT, {}))).toBe('FORBIDDEN');
    expect(codeOf(await f.billing.request(REVENUE, { g: 'DAY', from: today, to: '2000-01-01' }))).toBe('BAD_USER_INPUT');
  });

  it("a patient's statement: closing balance = outstanding − credit, with a running balance", async () => {
    const patientId = randomUUID();
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 5000 }], patientId);
    await pay(f, inv.id, 8000);
    const second = await issuedInvoice(f, [{ unitPriceMinor: 1000 }], patientId);
    const STATEMENT = `query S($p: ID) { patientStatement(patientId: $p) { currency openingBalanceMinor closingBalanceMinor outstandingMinor creditMinor
      entries { kind amountMinor balanceMinor } } }`;
    const { patientStatement } = await f.billing.data<{
      patientStatement: {
        closingBalanceMinor: number;
        outstandingMinor: number;
        creditMinor: number;
        entries: { kind: string; amountMinor: number; balanceMinor: number }[];
      }[];
    }>(STATEMENT, { p: patientId });
    const [usd] = patientStatement;
    expect(usd).toMatchObject({ outstandingMinor: 1000, creditMinor: 3000, closingBalanceMinor: -2000 });
    expect(usd!.entries.map((e) => [e.kind, e.amountMinor, e.balanceMinor])).toEqual([
      ['INVOICE', 5000, 5000],
      ['PAYMENT', -8000, -3000],
      ['INVOICE', 1000, -2000],
    ]);
    expect(second.balanceMinor).toBe(1000);
    // Patient A gets their own statement without naming themselves.
    const own = await f.patientA.data<{ patientStatement: { outstandingMinor: number }[] }>(STATEMENT, {});
    expect(own.patientStatement[0]!.outstandingMinor).toBeGreaterThan(0);
  });
});
