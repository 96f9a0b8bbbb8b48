import { randomUUID } from 'node:crypto';
import type { GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { measured } from './fixtures.ts';
import { STOCK_BALANCES } from './screens.ts';
import { seedShelf } from './stock-rows.ts';

type Balances = { stockBalances: { quantity: number; item: { name: string }; location: { name: string } }[] };

describe('flat SQL: the stock list', () => {
  let stack: TestStack;
  let pharmacy: GqlClient;
  const small = randomUUID();
  const large = randomUUID();

  beforeAll(async () => {
    stack = await startTestStack();
    // The two shelves stand in facilities of their own, which only a network admin sees (issue 14).
    pharmacy = await stack.as('admin');
    await seedShelf(stack, { facilityId: small, count: 10, tag: 'S10' });
    await seedShelf(stack, { facilityId: large, count: 200, tag: 'S200' });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('runs the same number of SQL statements for 10 and for 200 balances', async () => {
    const ten = await measured<Balances>(pharmacy, STOCK_BALANCES, { facilityId: small });
    const twoHundred = await measured<Balances>(pharmacy, STOCK_BALANCES, { facilityId: large });
    expect(ten.data.stockBalances).toHaveLength(10);
    expect(twoHundred.data.stockBalances).toHaveLength(200);
    expect(twoHundred.data.stockBalances.every((b) => b.quantity === 7 && b.item.name.startsWith('Flat item') && b.location.name === 'Flat store S200')).toBe(
      true,
    );
    console.info(`stock list sqlCount: 10 balances → ${ten.sqlCount}, 200 → ${twoHundred.sqlCount}`);
    expect(ten.sqlCount).toBeGreaterThan(0);
    expect(twoHundred.sqlCount).toBe(ten.sqlCount);
  });
});
