import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPems } from '@clinigraph/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { freePort, type Service, startService, tsxArgs, waitForHealth } from '../../src/testing/processes.ts';

/**
 * SIGTERM to a gateway process with 30 requests in flight: it stops accepting, closes live sockets with
 * 1012 ("service restart", so clients reconnect), lets every in-flight request finish and exits 0.
 * People is a stand-in that holds every request until the test lets it answer, so all 30 are surely in
 * flight when the signal arrives; no database is needed.
 */
const IN_FLIGHT = 30;
const FACILITIES = '{ facilities { id name } }';

/** A people subgraph that answers `facilities` only when released. */
function heldSubgraph() {
  const held: ServerResponse[] = [];
  let released = false;
  const answer = (res: ServerResponse) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: { facilities: [{ id: 'f1', name: 'Riverside Clinic' }] } }));
  };
  const server: Server = createServer((req: IncomingMessage, res) => {
    req.resume();
    req.on('end', () => (released ? answer(res) : held.push(res)));
  });
  return {
    server,
    held: () => held.length,
    release: () => {
      released = true;
      for (const res of held.splice(0)) answer(res);
    },
  };
}

type Outcome = { status: number; body: { data?: { facilities?: unknown[] }; error?: string } };

/** Whether a request on a new connection (never a pooled one) is refused. */
const refused = (url: string) =>
  new Promise<boolean>((resolve) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      resolve(false);
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
    req.end();
  });

describe('graceful shutdown of a gateway process', () => {
  const people = heldSubgraph();
  let gateway: Service;
  let base: string;

  beforeAll(async () => {
    await new Promise<void>((resolve) => people.server.listen(0, '127.0.0.1', resolve));
    const peopleUrl = `http://127.0.0.1:${(people.server.address() as AddressInfo).port}/graphql`;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      PEOPLE_URL: peopleUrl,
      CLINIGRAPH_JWT_PUBLIC_KEY: (await generateKeyPems()).publicKey,
      CLINIGRAPH_INTERNAL_SECRET: 'i'.repeat(32),
      CLINIGRAPH_SHUTDOWN_GRACE_MS: '20000',
    };
    delete env.DATABASE_URL;
    gateway = startService('gateway', process.execPath, tsxArgs('gateway/src/main/gateway.ts'), env);
    await waitForHealth(gateway, `${base}/health`);
  });

  afterAll(async () => {
    people.release();
    await gateway?.stop();
    await new Promise((resolve) => people.server.close(resolve));
  });

  it('finishes all 30 in-flight requests, closes websockets with 1012 and exits 0', async () => {
    const socket = new WebSocket(`${base.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const acked = new Promise<void>((resolve) => socket.on('message', (m) => JSON.parse(String(m)).type === 'connection_ack' && resolve()));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    const socketClosed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
    );
    await acked;

    const requests = Array.from({ length: IN_FLIGHT }, () =>
      fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: FACILITIES }) }).then(
        async (res): Promise<Outcome> => ({ status: res.status, body: (await res.json()) as Outcome['body'] }),
        (err: unknown): Outcome => ({ status: 0, body: { error: String(err) } }),
      ),
    );
    for (const deadline = Date.now() + 20_000; people.held() < IN_FLIGHT && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20));
    expect(people.held()).toBe(IN_FLIGHT);

    process.kill(gateway.child.pid!, 'SIGTERM');
    expect(await socketClosed).toEqual({ code: 1012, reason: 'service restart' });
    // Stopped accepting: a new request is refused while the 30 are still held.
    expect(await refused(`${base}/health`)).toBe(true);

    people.release();
    const results = await Promise.all(requests);
    const failed = results.filter((r) => r.status !== 200 || r.body.data?.facilities?.length !== 1);
    expect(failed).toEqual([]);
    expect(await gateway.exited).toBe(0);
  });
});
