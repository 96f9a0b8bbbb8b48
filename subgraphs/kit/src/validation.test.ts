import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { assertRange, birthDate, birthDateBounds, boundedInt, dateRange, futureWithin, instantRange, parseInput, SPAN_LIMITS } from './validation.ts';

const twoYears = dateRange(731);
const refusal = (value: unknown, schema: Parameters<typeof parseInput>[0] = twoYears) => {
  try {
    parseInput(schema, value);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message, issues: error.extensions.issues };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('dateRange', () => {
  it('accepts a range within the bounds and length', () => {
    expect(parseInput(twoYears, { from: '2026-01-01', to: '2027-12-31' })).toEqual({ from: '2026-01-01', to: '2027-12-31' });
    expect(parseInput(twoYears, { from: '1900-01-01', to: '1900-01-01' })).toEqual({ from: '1900-01-01', to: '1900-01-01' });
  });

  it('refuses dates before 1900 or after 2200, naming the field in plain words', () => {
    expect(refusal({ from: '0001-01-01', to: '2026-01-01' })).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'from: must be between 1900-01-01 and 2200-12-31',
      issues: [{ path: 'from', message: 'must be between 1900-01-01 and 2200-12-31' }],
    });
    expect(refusal({ from: '2026-01-01', to: '9999-12-31' }).issues).toEqual([{ path: 'to', message: 'must be between 1900-01-01 and 2200-12-31' }]);
  });

  it('refuses a range longer than allowed or backwards', () => {
    expect(refusal({ from: '2026-01-01', to: '2028-01-03' }).message).toBe('to: must be at most 731 days after from');
    expect(refusal({ from: '2026-01-02', to: '2026-01-01' }).message).toBe('to: must not be before from');
  });
});

describe('birthDate', () => {
  it('accepts today and dates up to 130 years back', () => {
    const { min, max } = birthDateBounds();
    expect(parseInput(birthDate, max)).toBe(max);
    expect(parseInput(birthDate, min)).toBe(min);
    expect(parseInput(birthDate, '1985-03-14')).toBe('1985-03-14');
  });

  it('refuses 1800, the future and impossible dates with a sentence', () => {
    expect(refusal('1800-01-01', birthDate).message).toMatch(/^must be within the last 130 years \(on or after \d{4}-\d{2}-\d{2}\)$/);
    expect(refusal('2999-01-01', birthDate).message).toBe('cannot be in the future');
    expect(refusal('1990-02-30', birthDate).message).toBe('is not a date');
    expect(refusal('14/03/1985', birthDate).issues).toEqual([{ path: '', message: 'must be YYYY-MM-DD' }]);
  });
});

describe('futureWithin', () => {
  const horizon = futureWithin(30);
  it('accepts an instant between now and the horizon', () => {
    const soon = new Date(Date.now() + 86_400_000);
    expect(parseInput(horizon, soon)).toEqual(soon);
  });

  it('refuses the past and beyond the horizon', () => {
    expect(refusal(new Date(Date.now() - 60_000), horizon).message).toBe('must be in the future');
    expect(refusal(new Date(Date.now() + 31 * 86_400_000), horizon).message).toBe('must be at most 30 days ahead');
  });
});

describe('boundedInt', () => {
  const quantity = boundedInt(1, 1_000_000);
  it('accepts whole numbers within the bounds', () => expect(parseInput(quantity, 1_000_000)).toBe(1_000_000));
  it('refuses fractions and values outside, naming the bounds', () => {
    expect(refusal(1.5, quantity).message).toBe('must be a whole number');
    expect(refusal(Number.MAX_SAFE_INTEGER, quantity).message).toBe('must be between 1 and 1,000,000');
  });
});

describe('range limits shared by every from/to argument', () => {
  it('refuses an instant range longer than its limit, naming the limit in words', () => {
    const trend = instantRange(SPAN_LIMITS.vitalsTrend);
    const from = new Date('2020-01-01T00:00:00Z');
    expect(parseInput(trend, { from, to: new Date('2024-12-31T00:00:00Z') })).toEqual({ from, to: new Date('2024-12-31T00:00:00Z') });
    expect(refusal({ from, to: new Date('2026-01-01T00:00:00Z') }, trend).issues).toEqual([{ path: 'to', message: 'must be at most 5 years after from' }]);
    expect(refusal({ from: new Date('0001-01-01T00:00:00Z') }, trend).issues).toEqual([{ path: 'from', message: 'must be between 1900-01-01 and 2200-12-31' }]);
  });

  it('leaves an open end unjudged', () => {
    expect(parseInput(instantRange(SPAN_LIMITS.report), { from: null, to: new Date('2026-01-01T00:00:00Z') })).toBeTruthy();
  });

  it('assertRange throws BAD_USER_INPUT at the argument it is told, for bounds, order and length', () => {
    const at = { from: 'input.from', to: 'input.to' };
    const thrown = (range: { from: string; to: string }) => {
      try {
        assertRange(range, SPAN_LIMITS.slotSearch, at);
      } catch (error) {
        return error instanceof AppError ? error.extensions.issues : error;
      }
      return null;
    };
    expect(thrown({ from: '2026-01-01', to: '2026-03-31' })).toBeNull();
    expect(thrown({ from: '2026-01-01', to: '2026-04-02' })).toEqual([{ path: 'input.to', message: 'must be at most 90 days after from' }]);
    expect(thrown({ from: '2026-01-02', to: '2026-01-01' })).toEqual([{ path: 'input.to', message: 'must not be before from' }]);
    expect(thrown({ from: '0001-01-01', to: '2026-01-01' })).toEqual([{ path: 'input.from', message: 'must be between 1900-01-01 and 2200-12-31' }]);
  });
});
