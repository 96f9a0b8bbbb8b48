import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FinanceTest, issuedInvoice, pay, startFinanceTest } from '../test-support.ts';

let f: FinanceTest;
let invoiceId: string;
beforeAll(async () => {
  f = await startFinanceTest();
  invoiceId = (await issuedInvoice(f, [{ unitPriceMinor: 5_000 }])).id;
});
afterAll(() => f?.close());

const payments = async () => (await f.sub.database.query<{ n: number }>('select count(*)::int as n from finance.payment'))[0]!.n;

describe('amounts in cents beyond what a clinic takes', () => {
  it('are refused on the amount field in plain words, before anything is written', async () => {
    const before = await payments();
    const cases = [
      [99_999_999_999, 'must be a whole number between -2,147,483,648 and 2,147,483,647'],
      [12.5, 'must be a whole number'],
      [0, 'must be between 1 and 2,147,483,647'],
    ] as const;
    for (const [amount, message] of cases) {
      const result = await pay(f, invoiceId, amount);
      expect(codeOf(result), String(amount)).toBe('BAD_USER_INPUT');
      expect(result.errors[0]!.extensions!.issues).toEqual([{ path: expect.stringMatching(/^(input\.)?amountMinor$/), message }]);
    }
    expect(await payments()).toBe(before);
  });
});
