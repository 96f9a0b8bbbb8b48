import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const SUBSCRIPTION = 'subscription { criticalLabResults { __typename } }';

describe('a subscription sent over HTTP', () => {
  it('is refused with 400 and a typed code that points to the websocket, for a signed-in caller', async () => {
    const admin = await stack.as('admin');
    const result = await admin.request(SUBSCRIPTION);
    expect(result.status).toBe(400);
    expect(codeOf(result)).toBe('BAD_REQUEST');
    expect(result.errors[0]?.message).toMatch(/websocket/i);
    expect(result.data).toBeNull();
  });

  it('is refused the same way for an anonymous caller', async () => {
    const result = await stack.anonymous.request(SUBSCRIPTION);
    expect(result.status).toBe(400);
    expect(codeOf(result)).toBe('BAD_REQUEST');
  });

  it('leaves queries over HTTP served', async () => {
    const result = await stack.anonymous.request('{ __typename }');
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({ __typename: 'Query' });
  });
});
