import { randomUUID } from 'node:crypto';
import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, type SupplyFixture, startSupply } from '../testing/fixtures.ts';

let f: SupplyFixture;
beforeAll(async () => {
  f = await startSupply();
});
afterAll(() => f?.close());

const CREATE_ITEM = 'mutation($i: CreateItemInput!) { createItem(input: $i) { id } }';
const UPDATE_ITEM = 'mutation($id: ID!, $i: UpdateItemInput!) { updateItem(id: $id, input: $i) { id } }';
const CREATE_SUPPLIER = 'mutation($i: CreateSupplierInput!) { createSupplier(input: $i) { id } }';
const CREATE_LOCATION = 'mutation($i: CreateLocationInput!) { createLocation(input: $i) { id } }';

const gloves = (extra: Record<string, unknown> = {}) => ({ sku: 'GLOVE-M', name: 'Gloves, medium', kind: 'CONSUMABLE', unit: 'pair', ...extra });
const count = async (table: string) => (await f.sql<{ n: number }>(`select count(*)::int as n from supply.${table}`))[0]!.n;

/** Sends what the API must refuse as BAD_USER_INPUT; returns the field issues it names. */
async function issuesOf(query: string, variables: Record<string, unknown>) {
  const result = await f.as.admin.request(query, variables);
  expect(codeOf(result)).toBe('BAD_USER_INPUT');
  return result.errors?.[0]?.extensions?.issues;
}

describe('catalogue codes a form can correct', () => {
  it('names the SKU, supplier code or location code that is already taken, and writes nothing', async () => {
    await f.as.admin.data(CREATE_ITEM, { i: gloves() });
    const before = { item: await count('item'), supplier: await count('supplier'), location: await count('location') };
    expect(await issuesOf(CREATE_ITEM, { i: gloves({ name: 'Gloves again' }) })).toEqual([{ path: 'sku', message: 'is already used by another item' }]);
    expect(await issuesOf(CREATE_SUPPLIER, { i: { code: 'ACME', name: 'Acme again' } })).toEqual([
      { path: 'code', message: 'is already used by another supplier' },
    ]);
    expect(await issuesOf(CREATE_LOCATION, { i: { facilityId: f.facilityId, code: 'PHARMACY', name: 'Second pharmacy', kind: 'PHARMACY' } })).toEqual([
      { path: 'code', message: 'is already used by another location at this facility' },
    ]);
    expect({ item: await count('item'), supplier: await count('supplier'), location: await count('location') }).toEqual(before);
  });

  it('lets another facility use the same location code', async () => {
    const elsewhere = { i: { facilityId: randomUUID(), code: 'PHARMACY', name: 'Pharmacy', kind: 'PHARMACY' } };
    expect(codeOf(await f.as.networkAdmin.request(CREATE_LOCATION, elsewhere))).toBeNull();
    // Staff of one facility cannot open a location at another: that facility is NOT_FOUND to them.
    expect(codeOf(await f.as.admin.request(CREATE_LOCATION, elsewhere))).toBe('NOT_FOUND');
  });

  it('names an unknown preferred supplier, a bad lead time and a medicine without its generic name', async () => {
    expect(await issuesOf(CREATE_ITEM, { i: gloves({ sku: 'GLOVE-L', preferredSupplierId: randomUUID() }) })).toEqual([
      { path: 'preferredSupplierId', message: 'no such supplier' },
    ]);
    expect(await issuesOf(CREATE_SUPPLIER, { i: { code: 'SLOW', name: 'Slow Co', leadTimeDays: 400 } })).toEqual([
      { path: 'leadTimeDays', message: 'must be at most 365 days' },
    ]);
    const medicine = await createItem(f);
    expect(await issuesOf(UPDATE_ITEM, { id: medicine, i: { genericName: null } })).toEqual([{ path: 'genericName', message: 'is required for a medicine' }]);
  });
});
