import type { GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { measured, type SeededDay, seedDay } from './fixtures.ts';
import { DAY_BOARD } from './screens.ts';

type Board = { appointments: { patient: { id: string; displayName: string; invoices: { nodes: { balanceMinor: number }[] } } }[] };

describe('flat SQL: the day board', () => {
  let stack: TestStack;
  let admin: GqlClient;
  let small: SeededDay;
  let large: SeededDay;

  beforeAll(async () => {
    stack = await startTestStack();
    admin = await stack.as('admin');
    const at = { facilityId: stack.seed.facilityId, providerIds: stack.seed.providerIds };
    small = await seedDay(stack, { ...at, day: '2031-03-04', count: 10 });
    large = await seedDay(stack, { ...at, day: '2031-03-05', count: 200 });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const board = (day: SeededDay) => measured<Board>(admin, DAY_BOARD, { from: day.from, to: day.to, facilityId: stack.seed.facilityId });

  it('shows every appointment with its patient and balance', async () => {
    const { data } = await board(small);
    expect(data.appointments.map((a) => a.patient.id).sort()).toEqual([...small.patientIds].sort());
    for (const a of data.appointments) expect(a.patient.invoices.nodes.map((n) => n.balanceMinor)).toEqual([5000]);
  });

  it('runs the same number of SQL statements for 10 and for 200 appointments', async () => {
    const ten = await board(small);
    const twoHundred = await board(large);
    expect(twoHundred.data.appointments).toHaveLength(200);
    console.info(`day board sqlCount: 10 appointments → ${ten.sqlCount}, 200 → ${twoHundred.sqlCount}`);
    expect(ten.sqlCount).toBeGreaterThan(0);
    expect(twoHundred.sqlCount).toBe(ten.sqlCount);
  });
});
