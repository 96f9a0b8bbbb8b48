import { randomUUID } from 'node:crypto';
import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FinanceTest, issuedInvoice, PAY, pay, startFinanceTest } from '../test-support.ts';

let f: FinanceTest;
beforeAll(async () => {
  f = await startFinanceTest();
});
afterAll(() => f?.close());

const CREDIT = 'query C($p: ID!) { patientCredit(patientId: $p) { currency balanceMinor } }';
const creditOf = async (patientId: string) =>
  (await f.billing.data<{ patientCredit: { currency: string; balanceMinor: number }[] }>(CREDIT, { p: patientId })).patientCredit.find(
    (c) => c.currency === 'USD',
  )?.balanceMinor ?? 0;
const money = () =>
  f.sub.database.query(
    'select (select count(*) from finance.payment)::int payments, (select coalesce(sum(paid_minor), 0) from finance.invoice)::text paid, (select count(*) from finance.credit_entry)::int credits, (select count(*) from events.log)::int events',
  );

describe('payments', () => {
  it('partial payments sum correctly and an overpayment leaves credit', async () => {
    const patientId = randomUUID();
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 12_345 }], patientId);
    const first = (await pay(f, inv.id, 5000)).data!.recordPayment;
    const second = (await pay(f, inv.id, 4000, 'CARD')).data!.recordPayment;
    expect(first).toMatchObject({ appliedMinor: 5000, creditMinor: 0, invoice: { status: 'PARTIALLY_PAID', balanceMinor: 7345 } });
    expect(second.invoice).toMatchObject({ paidMinor: 9000, balanceMinor: 3345 });
    const third = (await pay(f, inv.id, 5000)).data!.recordPayment;
    expect(third).toMatchObject({
      tenderedMinor: 5000,
      appliedMinor: 3345,
      creditMinor: 1655,
      invoice: { status: 'PAID', balanceMinor: 0, paidMinor: 12_345 },
    });
    expect(await creditOf(patientId)).toBe(1655);

    // Paying into a settled invoice puts it all in credit; nothing is lost.
    const extra = (await pay(f, inv.id, 100)).data!.recordPayment;
    expect(extra).toMatchObject({ appliedMinor: 0, creditMinor: 100 });
    expect(await creditOf(patientId)).toBe(1755);
  });

  it('a deposit becomes credit, which pays a later invoice and can be refunded', async () => {
    const patientId = randomUUID();
    const deposit = await f.billing.data<{ recordPayment: { creditMinor: number; invoice: null } }>(PAY, {
      input: { patientId, method: 'CARD', amountMinor: 10_000, currency: 'USD', reference: 'slip-1' },
    });
    expect(deposit.recordPayment).toMatchObject({ creditMinor: 10_000, invoice: null });
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 6000 }], patientId);
    const applied = await f.billing.data<{ applyPatientCredit: { method: string; appliedMinor: number; invoice: { status: string } } }>(
      'mutation A($id: ID!) { applyPatientCredit(invoiceId: $id) { method appliedMinor invoice { status } } }',
      { id: inv.id },
    );
    expect(applied.applyPatientCredit).toEqual({ method: 'CREDIT', appliedMinor: 6000, invoice: { status: 'PAID' } });
    expect(await creditOf(patientId)).toBe(4000);

    const REFUND = 'mutation R($input: RefundInput!) { refundPatientCredit(input: $input) { number amountMinor } }';
    const input = { patientId, currency: 'USD', amountMinor: 4001, method: 'CASH', reason: 'Patient moved away' };
    expect(codeOf(await f.billing.request(REFUND, { input }))).toBe('INVALID_STATE');
    expect(await f.count('select count(*) n from finance.refund where patient_id = $1', [patientId])).toBe(0);
    expect(
      (await f.billing.data<{ refundPatientCredit: { amountMinor: number } }>(REFUND, { input: { ...input, amountMinor: 4000 } })).refundPatientCredit
        .amountMinor,
    ).toBe(4000);
    expect(await creditOf(patientId)).toBe(0);
  });

  it('bad payments get typed errors and write nothing', async () => {
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 1000 }]);
    const before = await money();
    expect(codeOf(await pay(f, inv.id, -500))).toBe('BAD_USER_INPUT');
    expect(codeOf(await pay(f, inv.id, 0))).toBe('BAD_USER_INPUT');
    expect(codeOf(await pay(f, inv.id, 500, 'CASH', { currency: 'XXY' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await pay(f, inv.id, 500, 'CASH', { currency: 'EUR' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await pay(f, inv.id, 500, 'CARD', { reference: null }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await pay(f, randomUUID(), 500))).toBe('NOT_FOUND');
    expect(codeOf(await f.doctor.request(PAY, { input: { invoiceId: inv.id, method: 'CASH', amountMinor: 500, currency: 'USD' } }))).toBe('FORBIDDEN');

    await f.billing.data('mutation V($id: ID!) { voidInvoice(id: $id, reason: "Entered twice") { status } }', { id: inv.id });
    const afterVoid = await money();
    expect(codeOf(await pay(f, inv.id, 500))).toBe('INVALID_STATE');
    expect(await money()).toEqual(afterVoid);
    expect(afterVoid[0]).toMatchObject({ payments: (before[0] as { payments: number }).payments, paid: (before[0] as { paid: string }).paid });
  });

  it('20 concurrent payments that together exceed the balance: all recorded, the excess is credit, nothing lost', async () => {
    const patientId = randomUUID();
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 10_000 }], patientId);
    const amounts = Array.from({ length: 20 }, (_, i) => 700 + i * 13); // 16,470 in all
    const tendered = amounts.reduce((s, a) => s + a, 0);
    const results = await Promise.all(amounts.map((a, i) => pay(f, inv.id, a, i % 2 ? 'CARD' : 'CASH')));
    expect(results.map(codeOf)).toEqual(amounts.map(() => null));

    const [sums] = await f.sub.database.query<{ n: number; tendered: string; applied: string; credit: string }>(
      'select count(*)::int n, sum(tendered_minor)::text tendered, sum(applied_minor)::text applied, sum(credit_minor)::text credit from finance.payment where invoice_id = $1',
      [inv.id],
    );
    expect(sums).toEqual({ n: 20, tendered: String(tendered), applied: '10000', credit: String(tendered - 10_000) });
    const [row] = await f.sub.database.query<{ paid_minor: string; total_minor: string; status: string }>(
      'select paid_minor::text, total_minor::text, status from finance.invoice where id = $1',
      [inv.id],
    );
    expect(row).toEqual({ paid_minor: '10000', total_minor: '10000', status: 'paid' });
    expect(await creditOf(patientId)).toBe(tendered - 10_000);
    // Each payment saw the balance the previous one left: applied amounts never overlap.
    const applied = results.map((r) => r.data!.recordPayment.appliedMinor);
    expect(applied.reduce((s, a) => s + a, 0)).toBe(10_000);
    expect(results.every((r) => r.data!.recordPayment.invoice.balanceMinor >= 0)).toBe(true);
  });

  it('credit is never spent twice: 10 concurrent refunds against 50.00 of credit, 10.00 each', async () => {
    const patientId = randomUUID();
    await f.billing.data(PAY, { input: { patientId, method: 'CASH', amountMinor: 5000, currency: 'USD' } });
    const REFUND = 'mutation R($input: RefundInput!) { refundPatientCredit(input: $input) { amountMinor } }';
    const input = { patientId, currency: 'USD', amountMinor: 1000, method: 'CASH', reason: 'Deposit returned' };
    const results = await Promise.all(Array.from({ length: 10 }, () => f.billing.request(REFUND, { input })));
    expect(results.filter((r) => codeOf(r) === null)).toHaveLength(5);
    expect(results.filter((r) => codeOf(r) === 'INVALID_STATE')).toHaveLength(5);
    expect(await f.count('select count(*) n from finance.refund where patient_id = $1', [patientId])).toBe(5);
    expect(await creditOf(patientId)).toBe(0);
    expect(await f.count('select coalesce(sum(amount_minor), 0) n from finance.credit_entry where patient_id = $1', [patientId])).toBe(0);
  });
});
