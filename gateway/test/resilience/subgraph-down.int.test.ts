import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GqlClient } from '@clinigraph/kit/testing';
import { gqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

let stack: TestStack;
let pharmacist: GqlClient;
let hanging: Server;
let hangingUrl: string;
let hangingHits = 0;

beforeAll(async () => {
  stack = await startTestStack();
  pharmacist = await stack.as('pharmacist');
  hanging = createServer(() => {
    hangingHits++;
  });
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  hanging?.closeAllConnections();
  hanging?.close();
  await stack?.stop();
});

/** Stock items from supply and the caller's account from people, in one query. */
const ITEMS_AND_ME = '{ items { id name } me { email } }';

interface ItemsAndMe {
  items: { id: string; name: string }[];
  me: { email: string } | null;
}

describe('a subgraph that does not answer', () => {
  it('times out once, without retrying, and the rest of the answer still arrives', async () => {
    const gateway = await stack.extraGateway({ subgraphTimeoutMs: 300, serviceUrls: { people: hangingUrl } });
    const started = Date.now();
    const result = await gqlClient(`${gateway.url}/graphql`, pharmacist.token).request<ItemsAndMe>(ITEMS_AND_ME);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(hangingHits).toBe(1);
    expect(result.status).toBe(200);
    expect(result.data?.items.length).toBeGreaterThan(0);
    expect(result.data?.me).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      message: 'The people service did not answer in time',
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'people' },
    });
    expect(JSON.stringify(result.errors)).not.toMatch(/127\.0\.0\.1|ECONN|abort|stack/i);
  });
});

describe('a subgraph that is down', () => {
  it('gives partial data, with an error naming the service', async () => {
    const before = await pharmacist.data<ItemsAndMe>(ITEMS_AND_ME);
    expect(before.me).toEqual({ email: 'pharmacy@clinigraph.local' });

    await stack.subgraphs.people!.close();
    const result = await pharmacist.request<ItemsAndMe>(ITEMS_AND_ME);
    expect(result.status).toBe(200);
    expect(result.data?.items).toEqual(before.items);
    expect(result.data?.me).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      message: 'The people service is unavailable',
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'people' },
    });
    expect(JSON.stringify(result.errors)).not.toMatch(/127\.0\.0\.1|ECONN|stack/i);
  });

  it('still answers queries that need only the subgraphs that are up', async () => {
    const { items } = await pharmacist.data<{ items: { id: string }[] }>('{ items { id } }');
    expect(items.length).toBeGreaterThan(0);
  });
});
