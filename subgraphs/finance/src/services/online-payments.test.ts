import { randomUUID } from 'node:crypto';
import { codeOf, type GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signPayload } from '../payments/signature.ts';
import { type FinanceTest, issuedInvoice, startFinanceTest } from '../test-support.ts';

let f: FinanceTest;
beforeAll(async () => {
  f = await startFinanceTest();
});
afterAll(() => f?.close());
beforeEach(() => {
  f.webhooks.hold = false;
});

const CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2040, cvc: '123' };
const DECLINED_CARD = { ...CARD, number: '4000 0000 0000 0002' };
const PAY_OWN = `mutation P($id: ID!, $amount: Int!, $key: String!, $card: CardInput!) {
  payInvoice(invoiceId: $id, amountMinor: $amount, idempotencyKey: $key, card: $card) {
    id status cardLast4 payment { method appliedMinor reference } invoice { status paidMinor }
  }
}`;
const WEBHOOK = 'mutation W($payload: String!, $signature: String!) { paymentProviderWebhook(payload: $payload, signature: $signature) }';
const INTENT = 'query I($id: ID!) { paymentIntent(id: $id) { status invoice { status } payment { appliedMinor } } }';

interface Intent {
  id: string;
  status: string;
  cardLast4: string;
  payment: { method: string; appliedMinor: number; reference: string } | null;
  invoice: { status: string; paidMinor: number };
}
const payOwn = (client: GqlClient, id: string, amount: number, card = CARD, key = randomUUID()) =>
  client.request<{ payInvoice: Intent }>(PAY_OWN, { id, amount, key, card });
const paymentsOn = (invoiceId: string) => f.count('select count(*) n from finance.payment where invoice_id = $1', [invoiceId]);
const paidOn = (invoiceId: string) => f.count('select paid_minor n from finance.invoice where id = $1', [invoiceId]);

describe('a patient pays online through the payment provider', () => {
  it('the test card 4242… is charged and the signed webhook pays the invoice; the card number is never stored', async () => {
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 3000 }]);
    const { payInvoice } = (await payOwn(f.patientA, inv.id, 3000)).data!;
    expect(payInvoice).toMatchObject({
      status: 'SUCCEEDED',
      cardLast4: '4242',
      payment: { method: 'ONLINE', appliedMinor: 3000 },
      invoice: { status: 'PAID' },
    });
    expect(payInvoice.payment!.reference).toMatch(/^pi_test_/);
    const stored = await f.sub.database.query<{ row: string }>('select row_to_json(i)::text as row from finance.payment_intent i');
    expect(stored.map((r) => r.row).join()).not.toContain('4242424242424242');
  });

  it('the invoice stays unpaid until the provider confirms', async () => {
    f.webhooks.hold = true;
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 2500 }]);
    const { payInvoice } = (await payOwn(f.patientA, inv.id, 2500)).data!;
    expect(payInvoice).toMatchObject({ status: 'PROCESSING', payment: null, invoice: { status: 'ISSUED', paidMinor: 0 } });
    expect(await paymentsOn(inv.id)).toBe(0);

    const webhook = f.webhooks.delivered.at(-1)!;
    expect((await f.anonymous.data<{ paymentProviderWebhook: boolean }>(WEBHOOK, webhook)).paymentProviderWebhook).toBe(true);
    const { paymentIntent } = await f.patientA.data<{ paymentIntent: { status: string; invoice: { status: string } } }>(INTENT, { id: payInvoice.id });
    expect(paymentIntent).toMatchObject({ status: 'SUCCEEDED', invoice: { status: 'PAID' }, payment: { appliedMinor: 2500 } });
    expect(codeOf(await f.patientB.request(INTENT, { id: payInvoice.id }))).toBe('NOT_FOUND');
  });

  it('a declined card gets a typed error on the card number and pays nothing', async () => {
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 1800 }]);
    const before = f.webhooks.delivered.length;
    const result = await payOwn(f.patientA, inv.id, 1800, DECLINED_CARD);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors[0]?.extensions).toMatchObject({
      declineCode: 'card_declined',
      issues: [{ path: 'card.number', message: expect.stringMatching(/declined/) }],
    });
    expect(f.webhooks.delivered.length).toBe(before);
    expect(await paymentsOn(inv.id)).toBe(0);
    expect(await f.count("select count(*) n from finance.payment_intent where invoice_id = $1 and status = 'declined'", [inv.id])).toBe(1);
    // The patient can try again with another card.
    expect((await payOwn(f.patientA, inv.id, 1800)).data!.payInvoice.status).toBe('SUCCEEDED');
  });

  it('a replayed confirmation pays once, even when 10 copies arrive at the same time', async () => {
    f.webhooks.hold = true;
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 4000 }]);
    await payOwn(f.patientA, inv.id, 1500);
    const webhook = f.webhooks.delivered.at(-1)!;
    const answers = await Promise.all(Array.from({ length: 10 }, () => f.anonymous.request(WEBHOOK, webhook)));
    expect(answers.map(codeOf)).toEqual(Array.from({ length: 10 }, () => null));
    expect(await paymentsOn(inv.id)).toBe(1);
    expect(await paidOn(inv.id)).toBe(1500);
    expect(await f.count('select count(*) n from finance.credit_entry where invoice_id = $1', [inv.id])).toBe(0);
    // And again later.
    await f.anonymous.data(WEBHOOK, webhook);
    expect(await paymentsOn(inv.id)).toBe(1);
  });

  it('money confirmed after the invoice was voided becomes patient credit, never lost', async () => {
    f.webhooks.hold = true;
    const patientCredit = () =>
      f.count("select coalesce(sum(balance_minor), 0) n from finance.patient_credit where patient_id = $1 and currency = 'USD'", [f.ids.patientB]);
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 1200 }], f.ids.patientB);
    await payOwn(f.patientB, inv.id, 1200);
    await f.billing.data('mutation V($id: ID!) { voidInvoice(id: $id, reason: "Entered twice") { status } }', { id: inv.id });
    const before = await patientCredit();
    await f.anonymous.data(WEBHOOK, f.webhooks.delivered.at(-1)!);
    expect(await patientCredit()).toBe(before + 1200);
    expect(await paidOn(inv.id)).toBe(0);
  });

  it('a retry with the same idempotency key charges the card once', async () => {
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 2000 }]);
    const key = randomUUID();
    const before = f.webhooks.delivered.length;
    const first = (await payOwn(f.patientA, inv.id, 1000, CARD, key)).data!.payInvoice;
    const retry = (await payOwn(f.patientA, inv.id, 1000, CARD, key)).data!.payInvoice;
    expect(retry.id).toBe(first.id);
    expect(f.webhooks.delivered.length).toBe(before + 1);
    expect(await paymentsOn(inv.id)).toBe(1);
    expect(codeOf(await payOwn(f.patientA, inv.id, 500, CARD, key))).toBe('BAD_USER_INPUT');
  });

  it('a forged, tampered or stale webhook is refused and writes nothing', async () => {
    f.webhooks.hold = true;
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 900 }]);
    await payOwn(f.patientA, inv.id, 900);
    const { payload, signature } = f.webhooks.delivered.at(-1)!;
    const tampered = payload.replace('"amountMinor":900', '"amountMinor":1');
    const attempts = [
      { payload, signature: signPayload('not-the-secret', payload) },
      { payload: tampered, signature },
      { payload, signature: signPayload(f.webhooks.secret, payload, Date.now() - 10 * 60_000) },
      { payload, signature: 'garbage' },
      { payload: 'not json', signature: signPayload(f.webhooks.secret, 'not json') },
    ];
    for (const attempt of attempts) expect(codeOf(await f.anonymous.request(WEBHOOK, attempt))).toBe('FORBIDDEN');
    expect(await paymentsOn(inv.id)).toBe(0);
    expect(await f.count("select count(*) n from finance.payment_intent where invoice_id = $1 and status = 'processing'", [inv.id])).toBe(1);
  });

  it('a mistyped or expired card is refused before the provider sees it; only the patient may pay their invoice', async () => {
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 700 }]);
    const before = f.webhooks.delivered.length;
    const issuesOf = async (card: typeof CARD) => (await payOwn(f.patientA, inv.id, 700, card)).errors[0]?.extensions?.issues;
    expect(await issuesOf({ ...CARD, number: '4242 4242 4242 4241' })).toEqual([{ path: 'card.number', message: expect.stringMatching(/not valid/) }]);
    expect(await issuesOf({ ...CARD, expMonth: 1, expYear: 2020 })).toEqual([{ path: 'card.expYear', message: 'This card has expired' }]);
    expect(await issuesOf({ ...CARD, cvc: '1' })).toEqual([{ path: 'card.cvc', message: expect.any(String) }]);
    expect(codeOf(await payOwn(f.patientA, inv.id, 701))).toBe('BAD_USER_INPUT');
    expect(codeOf(await payOwn(f.patientB, inv.id, 700))).toBe('NOT_FOUND');
    expect(codeOf(await payOwn(f.billing, inv.id, 700))).toBe('NOT_FOUND');
    expect(f.webhooks.delivered.length).toBe(before);
    expect(await f.count('select count(*) n from finance.payment_intent where invoice_id = $1', [inv.id])).toBe(0);
  });
});
