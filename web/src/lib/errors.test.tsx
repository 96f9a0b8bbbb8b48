import { cleanup, render, screen } from '@solidjs/testing-library';
import { CombinedError } from '@urql/core';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { describeError, findingsOf, ruleOf } from './errors.ts';

afterEach(cleanup);

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
    expect(describeError(api('BAD_USER_INPUT', 'first must be between 1 and 100'))?.message).toBe('First must be between 1 and 100.');
  });

  it('turns a number the API could never take (refused by GraphQL before the API ran) into its field and a sentence', () => {
    const huge = api(
      'BAD_USER_INPUT',
      'Variable "$item" got invalid value 99999999999 at "item.quantity"; Int cannot represent non 32-bit signed integer value: 99999999999',
    );
    expect(describeError(huge)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Please correct the fields marked below.',
      fields: { quantity: 'is too large a number' },
    });
    const fraction = api('BAD_USER_INPUT', 'Variable "$days" got invalid value 1.5; Int cannot represent non-integer value: 1.5');
    expect(describeError(fraction)?.fields).toEqual({ days: 'must be a whole number' });
    const lines = api(
      'BAD_USER_INPUT',
      'Variable "$input" got invalid value { } at "input.lines[0]"; Field "quantity" of required type "Int!" was not provided.',
    );
    expect(describeError(lines)?.fields).toEqual({ quantity: 'is required' });
  });

  it('says each field’s problem as a sentence in the notice, also for a field the form does not show', async () => {
    render(() => (
      <ErrorNotice
        error={api('BAD_USER_INPUT', 'lines: needs at least one entry; reason: must be at most 500 characters', {
          issues: [
            { path: 'input.lines', message: 'needs at least one entry' },
            { path: 'reason', message: 'must be at most 500 characters' },
            { path: 'input.dateOfBirth', message: 'must be within the last 130 years' },
            { path: 'input.memberId', message: 'Already on file' },
          ],
        })}
      />
    ));
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Lines needs at least one entry.',
      'Reason must be at most 500 characters.',
      'Date of birth must be within the last 130 years.',
      'Member ID: Already on file.',
    ]);
    expect(screen.getByRole('alert').textContent).not.toMatch(/Too (small|big)|expected|cannot represent/);
  });

  it('says when the server cannot be reached', () => {
    expect(describeError(new CombinedError({ networkError: new TypeError('Failed to fetch') }))?.code).toBe('NETWORK');
    expect(describeError(null)).toBeNull();
  });
});
