import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { variableIssue } from './variable-errors.ts';

const schema = buildSchema(`
  enum Sex { MALE FEMALE }
  input PaymentInput { amountMinor: Int! sex: Sex rate: Float }
  type Query { pay(input: PaymentInput!, quantity: Int): Int }
`);

/** The issue for the message graphql-js itself gives when it refuses these variables. */
async function issueFor(variableValues: Record<string, unknown>) {
  const { errors } = await graphql({
    schema,
    source: 'query($input: PaymentInput!, $quantity: Int) { pay(input: $input, quantity: $quantity) }',
    variableValues,
  });
  return variableIssue(errors![0]!.message);
}

describe('variable errors in plain words', () => {
  it('names the field of an amount past the 32-bit range, with the range', async () => {
    expect(await issueFor({ input: { amountMinor: 99_999_999_999 } })).toEqual({
      path: 'input.amountMinor',
      message: 'must be a whole number between -2,147,483,648 and 2,147,483,647',
    });
    expect(await issueFor({ input: { amountMinor: 1 }, quantity: 1e12 })).toEqual({
      path: 'quantity',
      message: 'must be a whole number between -2,147,483,648 and 2,147,483,647',
    });
  });

  it('words fractions, text for numbers, unknown enum values and missing fields', async () => {
    expect(await issueFor({ input: { amountMinor: 1.5 } })).toEqual({ path: 'input.amountMinor', message: 'must be a whole number' });
    expect(await issueFor({ input: { amountMinor: 1, rate: 'abc' } })).toEqual({ path: 'input.rate', message: 'must be a number' });
    expect(await issueFor({ input: { amountMinor: 1, sex: 'ROBOT' } })).toEqual({ path: 'input.sex', message: 'is not one of the allowed values' });
    expect(await issueFor({ input: {} })).toEqual({ path: 'input.amountMinor', message: 'is required' });
  });

  it('leaves other errors alone', () => {
    expect(variableIssue('Cannot query field "nope" on type "Query".')).toBeNull();
  });
});
