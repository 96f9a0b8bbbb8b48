import { describe, expect, it } from 'vitest';
import { allocateFefo, isExpired, type LotStock } from './fefo.ts';

const lot = (lotId: string, expiresOn: string | null, quantity: number): LotStock => ({ lotId, lotNumber: lotId.toUpperCase(), expiresOn, quantity });
const today = '2026-06-15';

describe('FEFO allocation', () => {
  it('takes the earliest-expiring lot first, whatever order the lots come in', () => {
    const r = allocateFefo([lot('b', '2027-01-01', 10), lot('a', '2026-07-01', 10), lot('c', null, 10)], 4, today);
    expect(r.allocations).toEqual([{ lotId: 'a', lotNumber: 'A', expiresOn: '2026-07-01', quantity: 4 }]);
    expect(r.shortfall).toBe(0);
  });

  it('splits over lots in expiry order, non-expiring stock last', () => {
    const r = allocateFefo([lot('c', null, 10), lot('b', '2027-01-01', 3), lot('a', '2026-07-01', 2)], 8, today);
    expect(r.allocations.map((a) => [a.lotId, a.quantity])).toEqual([
      ['a', 2],
      ['b', 3],
      ['c', 3],
    ]);
  });

  it('never takes an expired lot, including one expiring today, and reports the shortfall', () => {
    const r = allocateFefo([lot('old', '2026-06-01', 50), lot('today', today, 50), lot('good', '2026-06-16', 5)], 8, today);
    expect(r.allocations.map((a) => a.lotId)).toEqual(['good']);
    expect(r.available).toBe(5);
    expect(r.shortfall).toBe(3);
    expect(isExpired(today, today)).toBe(true);
    expect(isExpired('2026-06-16', today)).toBe(false);
  });

  it('breaks expiry ties by lot id so concurrent planners agree', () => {
    const r = allocateFefo([lot('y', '2026-09-01', 1), lot('x', '2026-09-01', 1)], 1, today);
    expect(r.allocations[0]?.lotId).toBe('x');
  });
});
