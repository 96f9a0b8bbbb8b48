import type { GqlClient } from '@clinigraph/kit/testing';
import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { collect, liveClient } from '../scheduling-live/live-client.ts';

let stack: TestStack;
let pharmacist: GqlClient;
let pharmacyId: string;
let wardId: string;
let items: Record<string, string>;
const clients: Client[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  pharmacist = await stack.as('pharmacist');
  const { locations } = await pharmacist.data<{ locations: { id: string; code: string }[] }>('query($f: ID!) { locations(facilityId: $f) { id code } }', {
    f: stack.seed.facilityId,
  });
  pharmacyId = locations.find((l) => l.code === 'PHARM')!.id;
  wardId = locations.find((l) => l.code === 'WARD-A')!.id;
  const catalogue = await pharmacist.data<{ items: { id: string; sku: string }[] }>('{ items { id sku } }');
  items = Object.fromEntries(catalogue.items.map((i) => [i.sku, i.id]));
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(() => stack?.stop());

const connect = (token: string | null) => {
  const client = liveClient(stack.gateway.url, token);
  clients.push(client);
  return client;
};
const cursorNow = async () => String((await stack.db.database.query<{ id: string }>(`select coalesce(max(id), 0)::text as id from events.log`))[0]!.id);
/** Stock leaving the shelf (a direct issue to a ward: the same FEFO, ledger and events as a dispense, without a prescription). */
const take = (itemId: string, quantity: number, locationId = pharmacyId) =>
  pharmacist.data('mutation($i: IssueStockInput!) { issueStock(input: $i) { operationId } }', {
    i: { locationId, ward: 'Ward A', lines: [{ itemId, quantity }] },
  });

const CHANGED = `subscription($after: String, $itemId: ID, $locationId: ID) {
  stockChanged(after: $after, itemId: $itemId, locationId: $locationId) { cursor quantity delta item { sku } location { code } facility { name } }
}`;
type Changed = {
  stockChanged: { cursor: string; quantity: number; delta: number; item: { sku: string }; location: { code: string }; facility: { name: string } };
};

describe('live stock through the gateway', () => {
  it('delivers a stock change with a federated field: the facility name from people', async () => {
    const live = collect<Changed>(connect(pharmacist.token), CHANGED, { after: await cursorNow(), itemId: items['MED-PARA-500'] });
    await take(items['MED-AMOX-500']!, 1);
    await take(items['MED-PARA-500']!, 10);
    await live.waitFor(1);
    await live.settle();
    expect(live.results.map((r) => r.data?.stockChanged)).toEqual([
      {
        cursor: expect.any(String),
        quantity: 740,
        delta: -10,
        item: { sku: 'MED-PARA-500' },
        location: { code: 'PHARM' },
        facility: { name: 'Riverside Clinic' },
      },
    ]);
  });

  it('filters by location and resumes from a cursor without losing or repeating an event', async () => {
    const first = collect<Changed>(connect(pharmacist.token), CHANGED, { after: await cursorNow(), locationId: wardId });
    await take(items['MED-PARA-500']!, 1, wardId);
    await first.waitFor(1);
    const cursor = first.results[0]!.data!.stockChanged.cursor;
    await first.stop();
    await take(items['MED-PARA-500']!, 2, wardId);
    await take(items['MED-PARA-500']!, 5, pharmacyId);
    await take(items['MED-PARA-500']!, 3, wardId);
    const again = collect<Changed>(connect(pharmacist.token), CHANGED, { after: cursor, locationId: wardId });
    await again.waitFor(2);
    await again.settle();
    expect(again.results.map((r) => r.data?.stockChanged.delta)).toEqual([-2, -3]);
  });

  it('pushes a low-stock alert once when the reorder level is crossed', async () => {
    const live = collect<{ stockAlerts: { topic: string; quantity: number; reorderLevel: number; item: { sku: string } } }>(
      connect(pharmacist.token),
      'subscription($after: String, $itemId: ID) { stockAlerts(after: $after, itemId: $itemId) { topic quantity reorderLevel item { sku } } }',
      { after: await cursorNow(), itemId: items['MED-AMOX-500'] },
    );
    const { item } = await pharmacist.data<{ item: { onHand: number } }>('query($id: ID!, $f: ID!) { item(id: $id) { onHand(facilityId: $f) } }', {
      id: items['MED-AMOX-500'],
      f: stack.seed.facilityId,
    });
    await take(items['MED-AMOX-500']!, item.onHand - 101);
    await take(items['MED-AMOX-500']!, 1);
    await take(items['MED-AMOX-500']!, 1);
    await live.waitFor(1);
    await live.settle();
    expect(live.results.map((r) => r.data?.stockAlerts)).toEqual([{ topic: 'stock.low', quantity: 100, reorderLevel: 100, item: { sku: 'MED-AMOX-500' } }]);
  });

  it('refuses patients', async () => {
    const maria = await stack.as({ email: 'maria@example.com' });
    const live = collect(connect(maria.token), CHANGED, {});
    await live.settle(300);
    expect(live.results).toEqual([]);
    expect(JSON.stringify(live.failures)).toContain('FORBIDDEN');
  });
});
