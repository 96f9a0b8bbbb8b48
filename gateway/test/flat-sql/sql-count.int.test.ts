import { type GqlClient, gqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { measured } from './fixtures.ts';

const FACILITIES = '{ facilities { id name } }';
const TYPES = '{ appointmentTypes { id name } }';
const BOTH = '{ facilities { id name } appointmentTypes { id name } }';

describe("the gateway's extensions.sqlCount", () => {
  let stack: TestStack;
  let admin: GqlClient;

  beforeAll(async () => {
    stack = await startTestStack();
    admin = await stack.as('admin');
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const direct = (subgraph: string) => gqlClient(stack.subgraphs[subgraph]!.url, admin.token);

  it('is the sum of what every subgraph the request reached reported', async () => {
    const people = await measured(direct('people'), FACILITIES, {});
    const scheduling = await measured(direct('scheduling'), TYPES, {});
    const both = await measured(admin, BOTH, {});
    expect(people.sqlCount).toBeGreaterThan(0);
    expect(scheduling.sqlCount).toBeGreaterThan(0);
    expect(both.sqlCount).toBe(people.sqlCount + scheduling.sqlCount);
  });

  it('counts each request on its own', async () => {
    const first = await measured(admin, FACILITIES, {});
    const second = await measured(admin, FACILITIES, {});
    expect(second.sqlCount).toBe(first.sqlCount);
  });

  it('is left out in production', async () => {
    const production = await stack.extraGateway({ production: true });
    const result = await gqlClient(`${production.url}/graphql`, admin.token).request(FACILITIES);
    expect(result.errors).toEqual([]);
    expect(result.extensions?.sqlCount).toBeUndefined();
  });
});
