import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { printSchema, Supergraph } from '@apollo/federation-internals';
import { careLiveFields } from '@clinigraph/care';
import type { GqlClient } from '@clinigraph/kit/testing';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { committedSupergraph } from '../../src/compose/compose.ts';
import { attachLiveSubscriptions, type LiveServer } from '../../src/live/index.ts';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

/**
 * A critical lab value reaches the ordering doctor live. care emits lab_result.critical and declares
 * the `criticalLabResults` subscription; the gateway's live module serves it with care's
 * `careLiveFields` (attached here on its own port, so the test holds whether or not the gateway has
 * registered them yet).
 */
/** The gateway (and @apollo/gateway) use graphql's CommonJS build; the schema must come from the same one. */
const { buildSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

let stack: TestStack;
let live: LiveServer;
let server: Server;
let wsUrl: string;
const clients: Client[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  const api = buildSchema(printSchema(Supergraph.build(committedSupergraph()).apiSchema()));
  server = createServer();
  live = await attachLiveSubscriptions(server, { apollo: stack.gateway.apollo, schema: () => api, database: stack.db.database, fields: careLiveFields });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  wsUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  for (const c of clients) await c.dispose();
  await live?.close();
  server?.close();
  await stack?.stop();
});

const SUBSCRIBE = 'subscription { criticalLabResults { cursor testCode value flag patient { displayName } labOrder { id } } }';

interface Received {
  data?: { criticalLabResults: { testCode: string; value: number; flag: string; patient: { displayName: string }; labOrder: { id: string } } } | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

function subscribe(client: GqlClient): Received[] {
  const received: Received[] = [];
  const ws = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${client.token}` }, retryAttempts: 0 });
  clients.push(ws);
  ws.subscribe(
    { query: SUBSCRIBE },
    {
      next: (r) => received.push(r as Received),
      error: (e) =>
        received.push({
          errors: Array.isArray(e)
            ? e
            : [{ message: e instanceof Error ? e.message : `closed ${(e as { code?: number }).code} ${(e as { reason?: string }).reason}` }],
        }),
      complete: () => {},
    },
  );
  return received;
}

const until = async (check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('critical lab results, live', () => {
  it('reach the ordering doctor, with federated fields, and no other doctor', async () => {
    const okafor = await stack.as('doctor');
    const weber = await stack.as({ email: 'dr.weber@clinigraph.local' });
    const nurse = await stack.as('nurse');
    const lab = await stack.as('lab');
    const toOkafor = subscribe(okafor);
    const toWeber = subscribe(weber);

    const { openWalkInEncounter } = await okafor.data<{ openWalkInEncounter: { id: string } }>(
      'mutation($p: ID!, $f: ID!) { openWalkInEncounter(patientId: $p, facilityId: $f) { id } }',
      { p: stack.seed.patientIds[0], f: stack.seed.facilityId },
    );
    await okafor.data('mutation($id: ID!) { startConsultation(id: $id) { id } }', { id: openWalkInEncounter.id });
    const { orderLabTests } = await okafor.data<{ orderLabTests: { id: string; items: { id: string }[] } }>(
      'mutation($e: ID!) { orderLabTests(encounterId: $e, tests: ["K"], priority: STAT) { id items { id } } }',
      { e: openWalkInEncounter.id },
    );
    await nurse.data('mutation($id: ID!) { collectLabSample(orderId: $id, specimen: "Lithium heparin") { id } }', { id: orderLabTests.id });
    await lab.data('mutation($id: ID!) { receiveLabOrder(id: $id) { id } }', { id: orderLabTests.id });
    await new Promise((r) => setTimeout(r, 300));
    await lab.data('mutation($i: ID!) { enterLabResult(orderItemId: $i, value: 7.1) { flag } }', { i: orderLabTests.items[0]!.id });

    await until(() => toOkafor.length > 0);
    expect(toOkafor[0]).toEqual({
      data: {
        criticalLabResults: expect.objectContaining({
          testCode: 'K',
          value: 7.1,
          flag: 'CRITICAL_HIGH',
          patient: { displayName: 'Maria Garcia' },
          labOrder: { id: orderLabTests.id },
        }),
      },
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(toWeber).toEqual([]);
  });

  it('refuses a patient’s subscription with FORBIDDEN', async () => {
    const maria = await stack.as({ email: 'maria@example.com' });
    const received = subscribe(maria);
    await until(() => received.length > 0);
    expect(received[0]).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })] });
  });
});
