import { request } from 'node:http';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from './db/connect.ts';
import { type SubgraphServer, startSubgraph } from './server.ts';
import { internalCallerHeaders } from './testing/client.ts';

/** A subgraph's close(): stop accepting at once, let the requests in flight finish, then stop. */
const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
let release: () => void = () => {};
const released = new Promise<void>((resolve) => {
  release = resolve;
});
let started = 0;
const schema = new graphql.GraphQLSchema({
  query: new graphql.GraphQLObjectType({
    name: 'Query',
    fields: {
      slow: {
        type: graphql.GraphQLString,
        resolve: async () => {
          started++;
          await released;
          return 'done';
        },
      },
    },
  }),
});

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

describe('closing a subgraph server', () => {
  let database: Database;
  let server: SubgraphServer;
  beforeAll(async () => {
    database = await connect();
    server = await startSubgraph({ name: 'slow', schema, database, shutdownGraceMs: 20_000 });
  });
  afterAll(() => database?.close());

  it('finishes the requests in flight and refuses new connections meanwhile', async () => {
    const body = JSON.stringify({ query: '{ slow }' });
    const headers = { 'content-type': 'application/json', ...(await internalCallerHeaders(server.url, body)) };
    const inFlight = Array.from({ length: 5 }, () =>
      fetch(server.url, { method: 'POST', headers, body }).then(
        async (res) => ({ status: res.status, data: ((await res.json()) as { data?: unknown }).data }),
        (err: unknown) => ({ status: 0, data: String(err) }),
      ),
    );
    for (const deadline = Date.now() + 10_000; started < 5 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 10));
    expect(started).toBe(5);

    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    expect(await refused(server.url)).toBe(true);
    expect(closed).toBe(false);

    release();
    expect(await Promise.all(inFlight)).toEqual(Array.from({ length: 5 }, () => ({ status: 200, data: { slow: 'done' } })));
    await closing;
    expect(closed).toBe(true);
  });
});
