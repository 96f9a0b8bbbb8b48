import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FinanceTest, PRICE, startFinanceTest } from '../test-support.ts';

let f: FinanceTest;
beforeAll(async () => {
  f = await startFinanceTest();
});
afterAll(() => f?.close());

const SPECIALTY = 'mutation S($p: ID!, $s: String!) { setProviderBillingSpecialty(providerId: $p, specialty: $s) { specialty } }';

/** Sends what the API must refuse as BAD_USER_INPUT; returns the field issues it names. */
async function issuesOf(query: string, variables: Record<string, unknown>) {
  const result = await f.admin.request(query, variables);
  expect(codeOf(result)).toBe('BAD_USER_INPUT');
  return result.errors?.[0]?.extensions?.issues;
}

describe('the admin screens’ billing settings', () => {
  it('sets a provider’s billing specialty, and names an empty or overlong one in plain words', async () => {
    expect(
      (await f.admin.data<{ setProviderBillingSpecialty: { specialty: string } }>(SPECIALTY, { p: f.ids.provider, s: ' Cardiology ' }))
        .setProviderBillingSpecialty.specialty,
    ).toBe('Cardiology');
    expect(await issuesOf(SPECIALTY, { p: f.ids.provider, s: '  ' })).toEqual([{ path: 'specialty', message: 'is required' }]);
    expect(await issuesOf(SPECIALTY, { p: f.ids.provider, s: 'x'.repeat(101) })).toEqual([{ path: 'specialty', message: 'must be at most 100 characters' }]);
    expect(await f.count('select count(*)::int as n from finance.provider_specialty where specialty <> $1', ['Cardiology'])).toBe(0);
  });

  it('names a price’s missing code and overlong description in plain words', async () => {
    const price = { facilityId: f.ids.facility, serviceType: 'PROCEDURE', amountMinor: 1000, currency: 'USD', effectiveFrom: '2026-01-01' };
    expect(await issuesOf(PRICE, { input: { ...price, code: ' ', description: 'd'.repeat(201) } })).toEqual([
      { path: 'code', message: 'is required' },
      { path: 'description', message: 'must be at most 200 characters' },
    ]);
  });
});
