import { randomUUID } from 'node:crypto';
import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  charge,
  DRAFT,
  type FinanceTest,
  INVOICE_FIELDS,
  type InvoiceShape,
  ISSUE,
  issuedInvoice,
  pay,
  READ_INVOICE,
  startFinanceTest,
} from '../test-support.ts';

let f: FinanceTest;
beforeAll(async () => {
  f = await startFinanceTest();
});
afterAll(() => f?.close());

const LINE_DISCOUNT = `mutation D($lineId: ID!, $bp: Int!, $reason: String) {
  setInvoiceLineDiscount(lineId: $lineId, discount: { discountBasisPoints: $bp, reason: $reason }) { ${INVOICE_FIELDS} } }`;
const INVOICE_DISCOUNT = `mutation D($id: ID!, $bp: Int!, $reason: String) {
  applyInvoiceDiscount(invoiceId: $id, discount: { discountBasisPoints: $bp, reason: $reason }) { ${INVOICE_FIELDS} } }`;
const CREDIT_NOTE = `mutation C($input: CreditNoteInput!) { createCreditNote(input: $input) { id number totalMinor taxMinor toCreditMinor invoice { ${INVOICE_FIELDS} } } }`;
const VOID = `mutation V($id: ID!, $reason: String!) { voidInvoice(id: $id, reason: $reason) { status voidReason } }`;

const draft = async (input: Record<string, unknown>) => (await f.billing.data<{ createDraftInvoice: InvoiceShape }>(DRAFT, { input })).createDraftInvoice;
const snapshot = () =>
  f.sub.database.query(
    'select (select count(*) from finance.invoice_line)::int lines, (select sum(total_minor) from finance.invoice)::text totals, (select count(*) from events.log)::int events',
  );

describe('invoices', () => {
  it("drafts from a patient's uncharged items; totals are sums of per-line rounded amounts", async () => {
    const patientId = randomUUID();
    await charge(f, { patientId, unitPriceMinor: 333, quantity: 3, taxRateBasisPoints: 750 });
    await charge(f, { patientId, unitPriceMinor: 5, taxRateBasisPoints: 1000 });
    await charge(f, { patientId, unitPriceMinor: 5, taxRateBasisPoints: 1000 });
    const inv = await draft({ patientId });
    expect(inv.status).toBe('DRAFT');
    expect(inv.lines.map((l) => [l.grossMinor, l.taxMinor, l.totalMinor])).toEqual([
      [999, 75, 1074], // 7.5% of 9.99 = 0.74925 → 0.75
      [5, 1, 6], // 10% of 0.05 = 0.005 → 0.01 (half up)
      [5, 1, 6],
    ]);
    expect(inv).toMatchObject({ subtotalMinor: 1009, discountMinor: 0, taxMinor: 77, totalMinor: 1086, balanceMinor: 1086 });

    // A 10% discount on the first line: 0.999 → 1.00; tax on 8.99 = 0.67425 → 0.67.
    const discounted = (
      await f.billing.data<{ setInvoiceLineDiscount: InvoiceShape }>(LINE_DISCOUNT, { lineId: inv.lines[0]!.id, bp: 1000, reason: 'Loyalty' })
    ).setInvoiceLineDiscount;
    expect(discounted.lines[0]).toMatchObject({ discountMinor: 100, taxMinor: 67, totalMinor: 966 });
    expect(discounted).toMatchObject({ subtotalMinor: 1009, discountMinor: 100, taxMinor: 69, totalMinor: 978 });
    expect(discounted.subtotalMinor - discounted.discountMinor + discounted.taxMinor).toBe(discounted.totalMinor);
    expect(discounted.lines.reduce((s, l) => s + l.totalMinor, 0)).toBe(discounted.totalMinor);

    // Nothing left uncharged: a second draft has nothing to invoice.
    expect(codeOf(await f.billing.request(DRAFT, { input: { patientId } }))).toBe('INVALID_STATE');
  });

  it('a discount over 100%, or without a reason, is refused and changes nothing', async () => {
    const inv = await draft({ chargeIds: [await charge(f, { unitPriceMinor: 1000 })], patientId: f.ids.patientA });
    const before = await snapshot();
    const over = await f.billing.request(INVOICE_DISCOUNT, { id: inv.id, bp: 10_001, reason: 'Too generous' });
    expect(codeOf(over)).toBe('BAD_USER_INPUT');
    expect(codeOf(await f.billing.request(INVOICE_DISCOUNT, { id: inv.id, bp: -1, reason: 'Negative' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await f.billing.request(INVOICE_DISCOUNT, { id: inv.id, bp: 500 }))).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
    const full = (await f.billing.data<{ applyInvoiceDiscount: InvoiceShape }>(INVOICE_DISCOUNT, { id: inv.id, bp: 10_000, reason: 'Charity care' }))
      .applyInvoiceDiscount;
    expect(full).toMatchObject({ totalMinor: 0, discountMinor: 1000 });
  });

  it('drafts from one encounter, leaving the patient’s other charges uncharged', async () => {
    const patientId = randomUUID();
    const encounterId = randomUUID();
    await charge(f, { patientId, unitPriceMinor: 700, encounterId });
    await charge(f, { patientId, unitPriceMinor: 800, encounterId });
    const other = await charge(f, { patientId, unitPriceMinor: 900 });
    const inv = await draft({ encounterId });
    expect(inv.totalMinor).toBe(1500);
    expect(await f.count("select count(*) n from finance.charge where id = $1 and status = 'pending'", [other])).toBe(1);
  });

  it('refuses mixing currencies unless one is chosen', async () => {
    const patientId = randomUUID();
    await charge(f, { patientId, unitPriceMinor: 100, currency: 'USD' });
    await charge(f, { patientId, unitPriceMinor: 200, currency: 'EUR' });
    expect(codeOf(await f.billing.request(DRAFT, { input: { patientId } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await f.billing.request(DRAFT, { input: { patientId, currency: 'ABC' } }))).toBe('BAD_USER_INPUT');
    expect(await draft({ patientId, currency: 'eur' })).toMatchObject({ currency: 'EUR', totalMinor: 200 });
  });

  it('issue → partially paid → paid, and a paid invoice cannot be edited, only corrected by a credit note', async () => {
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 10_000, taxRateBasisPoints: 1000 }, { unitPriceMinor: 5000 }]);
    expect(inv).toMatchObject({ status: 'ISSUED', totalMinor: 16_000, locked: false });
    expect((await pay(f, inv.id, 6000)).data?.recordPayment.invoice).toMatchObject({ status: 'PARTIALLY_PAID', balanceMinor: 10_000 });
    expect((await pay(f, inv.id, 10_000)).data?.recordPayment.invoice).toMatchObject({ status: 'PAID', balanceMinor: 0 });

    const before = await snapshot();
    const edits = [
      f.billing.request(LINE_DISCOUNT, { lineId: inv.lines[0]!.id, bp: 1000, reason: 'Late discount' }),
      f.billing.request(INVOICE_DISCOUNT, { id: inv.id, bp: 500, reason: 'Late discount' }),
      f.billing.request('mutation R($id: ID!) { removeInvoiceLine(lineId: $id) { id } }', { id: inv.lines[1]!.id }),
      f.billing.request('mutation A($id: ID!, $c: [ID!]!) { addChargesToInvoice(invoiceId: $id, chargeIds: $c) { id } }', {
        id: inv.id,
        c: [await charge(f, { unitPriceMinor: 1 })],
      }),
      f.billing.request(VOID, { id: inv.id, reason: 'Wrong patient' }),
    ];
    for (const result of await Promise.all(edits)) expect(codeOf(result)).toBe('INVALID_STATE');
    expect(await snapshot()).toEqual(before);

    // The database refuses it too, whatever the path.
    await expect(f.sub.database.query('update finance.invoice_line set discount_bp = 0 where id = $1', [inv.lines[0]!.id])).rejects.toThrow(/locked/);
    await expect(f.sub.database.query('update finance.invoice set total_minor = 1 where id = $1', [inv.id])).rejects.toThrow();

    // Correct it: credit the second line (50.00) in full. The paid money freed becomes credit.
    const { createCreditNote } = await f.billing.data<{
      createCreditNote: { totalMinor: number; taxMinor: number; toCreditMinor: number; invoice: InvoiceShape };
    }>(CREDIT_NOTE, { input: { invoiceId: inv.id, reason: 'Procedure not performed', lines: [{ invoiceLineId: inv.lines[1]!.id }] } });
    expect(createCreditNote).toMatchObject({ totalMinor: 5000, taxMinor: 0, toCreditMinor: 5000 });
    expect(createCreditNote.invoice).toMatchObject({ totalMinor: 16_000, creditedMinor: 5000, paidMinor: 11_000, balanceMinor: 0, status: 'PAID' });
    expect(createCreditNote.invoice.lines[1]!.creditedMinor).toBe(5000);
    const credit = await f.billing.data<{ patientCredit: { currency: string; balanceMinor: number }[] }>(
      'query C($p: ID!) { patientCredit(patientId: $p) { currency balanceMinor } }',
      { p: f.ids.patientA },
    );
    expect(credit.patientCredit).toContainEqual({ currency: 'USD', balanceMinor: 5000 });

    // Crediting more than is left is refused and writes nothing.
    const again = await f.billing.request(CREDIT_NOTE, {
      input: { invoiceId: inv.id, reason: 'Twice', lines: [{ invoiceLineId: inv.lines[1]!.id, amountMinor: 1 }] },
    });
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
  });

  it('a partial, tax-inclusive credit note carries its share of the tax', async () => {
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 10_000, taxRateBasisPoints: 2000 }]);
    const { createCreditNote } = await f.billing.data<{ createCreditNote: { totalMinor: number; taxMinor: number; invoice: InvoiceShape } }>(CREDIT_NOTE, {
      input: { invoiceId: inv.id, reason: 'Partial refund', lines: [{ invoiceLineId: inv.lines[0]!.id, amountMinor: 1200 }] },
    });
    expect(createCreditNote).toMatchObject({ totalMinor: 1200, taxMinor: 200 });
    expect(createCreditNote.invoice).toMatchObject({ status: 'ISSUED', balanceMinor: 10_800 });
    // Credit the rest: the invoice is fully credited and nothing was paid.
    const rest = await f.billing.data<{ createCreditNote: { taxMinor: number; invoice: InvoiceShape } }>(CREDIT_NOTE, {
      input: { invoiceId: inv.id, reason: 'Cancelled' },
    });
    expect(rest.createCreditNote.taxMinor).toBe(1800);
    expect(rest.createCreditNote.invoice).toMatchObject({ status: 'CREDITED', balanceMinor: 0 });
  });

  it('voiding an unpaid invoice releases its charges for a new draft', async () => {
    const patientId = randomUUID();
    await charge(f, { patientId, unitPriceMinor: 4200 });
    const inv = await draft({ patientId });
    const issued = (await f.billing.data<{ issueInvoice: InvoiceShape }>(ISSUE, { id: inv.id })).issueInvoice;
    expect(codeOf(await f.billing.request(ISSUE, { id: inv.id }))).toBe('INVALID_STATE');
    expect((await f.billing.data<{ voidInvoice: unknown }>(VOID, { id: issued.id, reason: 'Duplicate' })).voidInvoice).toEqual({
      status: 'VOID',
      voidReason: 'Duplicate',
    });
    expect((await draft({ patientId })).totalMinor).toBe(4200);
    const read = await f.billing.data<{ invoice: InvoiceShape }>(READ_INVOICE, { id: inv.id });
    expect(read.invoice.status).toBe('VOID');
  });

  it('emits invoice.changed for each change, as the last write of its transaction', async () => {
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 100 }]);
    const rows = await f.sub.database.query<{ change: string }>(
      "select payload->>'change' change from events.log where topic = 'invoice.changed' and entity_id = $1 order by id",
      [inv.id],
    );
    expect(rows.map((r) => r.change)).toEqual(['drafted', 'issued']);
  });

  it('concurrent drafts for one patient put each charge on exactly one invoice', async () => {
    const patientId = randomUUID();
    for (const price of [100, 200, 300]) await charge(f, { patientId, unitPriceMinor: price });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => f.billing.request<{ createDraftInvoice: InvoiceShape }>(DRAFT, { input: { patientId } })),
    );
    const made = results.filter((r) => codeOf(r) === null);
    expect(made).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'INVALID_STATE')).toHaveLength(5);
    expect(made[0]!.data!.createDraftInvoice.totalMinor).toBe(600);
    expect(await f.count('select count(*) n from finance.invoice where patient_id = $1', [patientId])).toBe(1);
  });
});
