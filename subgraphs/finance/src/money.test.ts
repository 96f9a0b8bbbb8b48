import { describe, expect, it } from 'vitest';
import { basisPointsOf, currencyInput, decimalString, divRoundHalfUp, formatMoney, lineAmounts, sumAmounts, taxIncludedIn } from './money.ts';

describe('money arithmetic', () => {
  it('rounds half up per line and the line always adds up', () => {
    // 3 × 3.33 = 9.99; 10% discount = 0.999 → 1.00; tax 7.5% of 8.99 = 0.67425 → 0.67.
    expect(lineAmounts({ quantity: 3, unitPriceMinor: 333, discountBp: 1000, taxRateBp: 750 })).toEqual({
      grossMinor: 999,
      discountMinor: 100,
      taxMinor: 67,
      totalMinor: 966,
    });
    // exactly half a cent rounds up: 5% of 0.10 = 0.005 → 0.01
    expect(basisPointsOf(10, 500)).toBe(1);
    expect(basisPointsOf(9, 500)).toBe(0);
    expect(divRoundHalfUp(-5n, 10n)).toBe(-1n);
  });

  it('invoice totals are the sum of the rounded lines, not a rounding of the sum', () => {
    const lines = Array.from({ length: 3 }, () => lineAmounts({ quantity: 1, unitPriceMinor: 5, discountBp: 0, taxRateBp: 1000 }));
    // each line: tax 0.5 → 1, so three lines carry 3 cents of tax (tax of the sum would be 1.5 → 2)
    const sum = sumAmounts(lines);
    expect(sum).toEqual({ grossMinor: 15, discountMinor: 0, taxMinor: 3, totalMinor: 18 });
    expect(sum.grossMinor - sum.discountMinor + sum.taxMinor).toBe(sum.totalMinor);
  });

  it('holds for many random lines, and stays exact past 2^53 intermediate products', () => {
    for (let i = 0; i < 500; i++) {
      const input = {
        quantity: 1 + Math.floor(Math.random() * 50),
        unitPriceMinor: Math.floor(Math.random() * 100_000_000),
        discountBp: Math.floor(Math.random() * 10_001),
        taxRateBp: Math.floor(Math.random() * 3_000),
      };
      const l = lineAmounts(input);
      expect(l.grossMinor - l.discountMinor + l.taxMinor).toBe(l.totalMinor);
      expect(l.discountMinor).toBeLessThanOrEqual(l.grossMinor);
      expect(Number.isSafeInteger(l.totalMinor)).toBe(true);
    }
    const big = lineAmounts({ quantity: 10_000, unitPriceMinor: 2_147_483_647, discountBp: 3333, taxRateBp: 1999 });
    expect(big.grossMinor).toBe(21_474_836_470_000);
    expect(big.discountMinor).toBe(7_157_562_995_451);
  });

  it('a full discount leaves nothing, and tax inside an inclusive amount', () => {
    expect(lineAmounts({ quantity: 2, unitPriceMinor: 1999, discountBp: 10_000, taxRateBp: 2000 }).totalMinor).toBe(0);
    expect(taxIncludedIn(1200, 2000)).toBe(200);
    expect(taxIncludedIn(1000, 0)).toBe(0);
  });

  it('knows currencies and their minor units', () => {
    expect(currencyInput.safeParse('usd').data).toBe('USD');
    expect(currencyInput.safeParse('XYZ').success).toBe(false);
    expect(formatMoney(123456, 'USD')).toBe('USD 1,234.56');
    expect(formatMoney(1500, 'JPY')).toBe('JPY 1,500');
    expect(formatMoney(5, 'KWD')).toBe('KWD 0.005');
    expect(decimalString(-1005, 'EUR')).toBe('-10.05');
  });
});
