import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureKeys, generateKeyPems } from './auth/keys.ts';
import { connect, type Database } from './db/connect.ts';
import { migrationSet } from './db/migrate.ts';
import { keysCheck, migrationsCheck } from './health.ts';
import { type SubgraphServer, startSubgraph } from './server.ts';
import { createTestDatabase, type TestDatabase } from './testing/database.ts';

/** /health says the process lives; /ready says it can serve: migrations applied, keys configured, database answering. */
// graphql as Apollo Server loads it (CommonJS), so the schema passes its instanceof checks.
const { buildSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const schema = buildSchema('type Query { ok: Boolean }');
const people = migrationSet('people');

const get = async (server: SubgraphServer, path: '/health' | '/ready') => {
  const res = await fetch(new URL(path, server.url));
  return { status: res.status, body: (await res.json()) as { status: string; checks?: Record<string, string> } };
};

describe('a subgraph process that cannot serve yet', () => {
  let migrated: TestDatabase;
  let empty: Database;
  let server: SubgraphServer;
  let unmigrated: SubgraphServer;

  beforeAll(async () => {
    delete process.env.CLINIGRAPH_JWT_PUBLIC_KEY;
    migrated = await createTestDatabase();
    empty = await connect();
    const start = (database: Database) =>
      startSubgraph({ name: 'people', schema, database, readinessChecks: [migrationsCheck(database, [people]), keysCheck()] });
    server = await start(migrated.database);
    unmigrated = await start(empty);
  });
  afterAll(async () => {
    await unmigrated?.close();
    await migrated?.drop();
  });

  it('is not ready without the public key, and names it, while /health says it lives', async () => {
    expect(await get(server, '/health')).toEqual({ status: 200, body: { status: 'ok', service: 'people' } });
    const ready = await get(server, '/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toEqual({
      database: 'ok',
      migrations: 'ok',
      keys: 'CLINIGRAPH_JWT_PUBLIC_KEY is not set: tokens cannot be verified',
    });
  });

  it('is not ready before its migrations are applied, and names the missing sets', async () => {
    const ready = await get(unmigrated, '/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks?.migrations).toBe('migrations not applied for kit, people (run npm run migrate)');
  });

  it('is ready once the keys are configured', async () => {
    configureKeys({ publicKey: (await generateKeyPems()).publicKey });
    expect(await get(server, '/ready')).toEqual({
      status: 200,
      body: { status: 'ready', service: 'people', checks: { database: 'ok', migrations: 'ok', keys: 'ok' } },
    });
  });

  it('is not ready when the database stops answering', async () => {
    await empty.close();
    const ready = await get(unmigrated, '/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks?.database).toBe('the database does not answer');
  });

  it('fails /ready as soon as it starts stopping', async () => {
    const closing = server.close();
    // close() stops accepting at once; a request already on its way is answered or refused, never ready.
    const late = await get(server, '/ready').catch(() => null);
    await closing;
    expect(late === null || late.status === 503).toBe(true);
  });
});
