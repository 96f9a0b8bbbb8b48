import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareFixture, startCareFixture } from '../testing/fixture.ts';

let f: CareFixture;
let items: { id: string; testCode: string; plausibleLow: number | null; plausibleHigh: number | null }[];
beforeAll(async () => {
  f = await startCareFixture();
  const encounterId = await f.consultation(1);
  const { orderLabTests } = await f.doctor.data<{ orderLabTests: { id: string; items: typeof items } }>(
    'mutation($e: ID!) { orderLabTests(encounterId: $e, tests: ["CRP", "K", "UA"]) { id items { id testCode plausibleLow plausibleHigh } } }',
    { e: encounterId },
  );
  await f.nurse.data('mutation($id: ID!) { collectLabSample(orderId: $id, specimen: "Venous blood") { status } }', { id: orderLabTests.id });
  await f.lab.data('mutation($id: ID!) { receiveLabOrder(id: $id) { status } }', { id: orderLabTests.id });
  items = orderLabTests.items;
});
afterAll(() => f?.close());

const RESULT = 'mutation($i: ID!, $v: Float, $t: String) { enterLabResult(orderItemId: $i, value: $v, text: $t) { version value } }';
const item = (code: string) => items.find((i) => i.testCode === code)!;
const resultCount = async () => (await f.db.database.query<{ n: number }>('select count(*)::int as n from care.lab_result'))[0]!.n;

describe("a lab value outside the test's physiological limits", () => {
  it('is refused with a sentence naming the limits, on the value field, and nothing is written', async () => {
    const before = await resultCount();
    const result = await f.lab.request(RESULT, { i: item('CRP').id, v: 999999 });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors[0]!.extensions!.issues).toEqual([
      { path: 'value', message: 'C-reactive protein must be between 0 and 500 mg/L; check the value and its unit' },
    ]);
    expect(codeOf(await f.lab.request(RESULT, { i: item('K').id, v: -1 }))).toBe('BAD_USER_INPUT');
    expect(await resultCount()).toBe(before);
  });

  it('is accepted at the limits, and text results are not bounded', async () => {
    expect((await f.lab.data<{ enterLabResult: { value: number } }>(RESULT, { i: item('CRP').id, v: 500 })).enterLabResult.value).toBe(500);
    await f.lab.data(RESULT, { i: item('UA').id, t: 'Negative' });
  });

  it('are given with each ordered test, for the entry form', () => {
    expect(item('CRP')).toMatchObject({ plausibleLow: 0, plausibleHigh: 500 });
    expect(item('UA')).toMatchObject({ plausibleLow: null, plausibleHigh: null });
  });
});
