import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatError } from './errors.ts';

const schema = buildSchema('input PaymentInput { amountMinor: Int! } type Query { pay(input: PaymentInput!): Int }');

describe("the gateway's answer to a variable it refuses", () => {
  it('is BAD_USER_INPUT with an issue on the field, never the raw 32-bit message', async () => {
    const { errors } = await graphql({
      schema,
      source: 'query($input: PaymentInput!) { pay(input: $input) }',
      variableValues: { input: { amountMinor: 99_999_999_999 } },
    });
    const error = errors![0]!;
    const formatted = formatError({ message: error.message, extensions: { code: 'BAD_USER_INPUT' } }, error);
    expect(formatted).toEqual({
      message: 'input.amountMinor: must be a whole number between -2,147,483,648 and 2,147,483,647',
      extensions: {
        code: 'BAD_USER_INPUT',
        issues: [{ path: 'input.amountMinor', message: 'must be a whole number between -2,147,483,648 and 2,147,483,647' }],
      },
    });
  });
});
