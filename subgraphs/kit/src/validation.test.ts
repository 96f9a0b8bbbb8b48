import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { birthDate, birthDateBounds, boundedInt, dateRange, futureWithin, parseInput } from './validation.ts';

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
