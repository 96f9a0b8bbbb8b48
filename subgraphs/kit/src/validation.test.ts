import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { dateRange, parseInput } from './validation.ts';

const twoYears = dateRange(731);
const refusal = (value: unknown) => {
  try {
    parseInput(twoYears, value);
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
