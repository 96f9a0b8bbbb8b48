import type { GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { measured, seedDay } from './fixtures.ts';
import { INVOICES } from './screens.ts';

type List = { invoices: { nodes: { patient: { id: string; displayName: string } }[] } };

describe('flat SQL: the invoice list', () => {
  let stack: TestStack;
  let billing: GqlClient;

  beforeAll(async () => {
    stack = await startTestStack();
    billing = await stack.as('billing');
    await seedDay(stack, { facilityId: stack.seed.facilityId, providerIds: stack.seed.providerIds, day: '2031-03-04', count: 120 });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('runs the same number of SQL statements for 10 invoices and for a full page of 100', async () => {
    const ten = await measured<List>(billing, INVOICES, { status: 'ISSUED', first: 10 });
    const hundred = await measured<List>(billing, INVOICES, { status: 'ISSUED', first: 100 });
    expect(ten.data.invoices.nodes).toHaveLength(10);
    expect(hundred.data.invoices.nodes).toHaveLength(100);
    expect(new Set(hundred.data.invoices.nodes.map((n) => n.patient.displayName)).size).toBe(100);
    console.info(`invoice list sqlCount: 10 invoices → ${ten.sqlCount}, 100 → ${hundred.sqlCount}`);
    expect(hundred.sqlCount).toBe(ten.sqlCount);
  });
});
