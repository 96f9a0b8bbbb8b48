import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { describeError, findingsOf, ruleOf } from './errors.ts';

const api = (code: string, message: string, extensions: Record<string, unknown> = {}) =>
  new CombinedError({ graphQLErrors: [{ message, extensions: { code, ...extensions } }] });

describe('API errors in plain words', () => {
  it.each([
    ['SLOT_TAKEN', 'Someone just booked this time — pick another.'],
    ['FORBIDDEN', 'You are not allowed to do this.'],
    ['NOT_FOUND', 'We could not find that. It may have been removed, or it is not yours to see.'],
    ['UNAUTHENTICATED', 'Your session has ended. Please sign in again.'],
    ['TOO_MANY_REQUESTS', 'Too many attempts. Wait a moment and try again.'],
  ])('%s', (code, words) => {
    expect(describeError(api(code, 'raw API text'))?.message).toBe(words);
  });

  it('keeps the detail of stock and state errors', () => {
    expect(describeError(api('INSUFFICIENT_STOCK', 'Ibuprofen: 30 needed, 12 on hand'))?.message).toBe(
      'There is not enough stock to fill this. Nothing was taken from the shelf. Ibuprofen: 30 needed, 12 on hand',
    );
    expect(describeError(api('INVALID_STATE', 'Close needs a diagnosis or a note', { rule: 'ENCOUNTER_NEEDS_DIAGNOSIS_OR_NOTE' }))?.message).toBe(
      'Close needs a diagnosis or a note',
    );
    expect(ruleOf(api('INVALID_STATE', 'x', { rule: 'ACKNOWLEDGEMENT_REQUIRED' }))).toBe('ACKNOWLEDGEMENT_REQUIRED');
    expect(findingsOf(api('INVALID_STATE', 'x', { findings: [{ key: 'k' }] }))).toEqual([{ key: 'k' }]);
  });

  it('puts BAD_USER_INPUT issues beside their fields', () => {
    const problem = describeError(
      api('BAD_USER_INPUT', 'bad', {
        issues: [
          { path: 'input.dateOfBirth', message: 'Must be in the past' },
          { path: 'input.lines.0.quantity', message: 'Too many' },
        ],
      }),
    );
    expect(problem).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Please correct the fields marked below.',
      fields: { dateOfBirth: 'Must be in the past', quantity: 'Too many' },
    });
    expect(describeError(api('BAD_USER_INPUT', 'first must be between 1 and 100'))?.message).toBe('first must be between 1 and 100');
  });

  it('says when the server cannot be reached', () => {
    expect(describeError(new CombinedError({ networkError: new TypeError('Failed to fetch') }))?.code).toBe('NETWORK');
    expect(describeError(null)).toBeNull();
  });
});
