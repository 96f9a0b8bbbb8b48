import { randomBytes } from 'node:crypto';
import { connect, type Database, generateKeyPems } from '@clinigraph/kit';
import { gqlClient, gqlRequest } from '@clinigraph/kit/testing';
import { DEMO_PASSWORD } from '@clinigraph/people';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, runToCompletion, type Service, startService, tsxArgs, waitForHealth } from '../../src/testing/processes.ts';

const adminUrl = process.env.DATABASE_URL;
const SUBGRAPHS = ['people', 'care', 'scheduling', 'supply', 'finance'] as const;
const title = adminUrl
  ? 'distributed mode: five subgraphs and the gateway as separate processes on PostgreSQL'
  : 'distributed mode — SKIPPED: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run it on real PostgreSQL';

if (!adminUrl) console.warn(`gateway/test/distributed/processes.e2e.ts: ${title}`);

describe.skipIf(!adminUrl)(title, () => {
  const dbName = `clinigraph_e2e_${randomBytes(5).toString('hex')}`;
  const services: Service[] = [];
  let admin: Database;
  let graphqlUrl: string;
  let subgraphUrls: string[];

  beforeAll(async () => {
    admin = await connect({ url: adminUrl!, max: 1 });
    await admin.exec(`CREATE DATABASE ${dbName}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${dbName}`;
    const keys = await generateKeyPems();
    const base: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: url.toString(),
      CLINIGRAPH_JWT_PUBLIC_KEY: keys.publicKey,
      // The gateway signs its calls to the subgraphs with it; subgraphs refuse any call without (side-doors).
      CLINIGRAPH_INTERNAL_SECRET: randomBytes(32).toString('hex'),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '4',
    };
    delete base.CLINIGRAPH_JWT_PRIVATE_KEY;
    await runToCompletion('migrate', process.execPath, tsxArgs('gateway/src/main/migrate.ts'), base);
    // The demo seed refuses to run in production: seed as a development machine would, then run the processes in production.
    await runToCompletion('seed', process.execPath, tsxArgs('gateway/src/main/seed-cli.ts'), { ...base, NODE_ENV: 'development' });

    // Every process learns every subgraph's URL (<NAME>_URL): the gateway to route, care and scheduling to read people, supply to read care.
    const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (name) => [name, await freePort()] as const)));
    const urls = Object.fromEntries(SUBGRAPHS.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`]));
    subgraphUrls = Object.values(urls);
    await Promise.all(
      SUBGRAPHS.map(async (name) => {
        const env = { ...base, ...urls, PORT: String(ports[name]), ...(name === 'people' ? { CLINIGRAPH_JWT_PRIVATE_KEY: keys.privateKey } : {}) };
        const service = startService(name, process.execPath, tsxArgs(`subgraphs/${name}/src/server.ts`), env);
        services.push(service);
        await waitForHealth(service, `http://127.0.0.1:${ports[name]}/health`);
      }),
    );
    const port = await freePort();
    const gateway = startService('gateway', process.execPath, tsxArgs('gateway/src/main/gateway.ts'), { ...base, ...urls, PORT: String(port) });
    services.push(gateway);
    await waitForHealth(gateway, `http://127.0.0.1:${port}/health`);
    graphqlUrl = `http://127.0.0.1:${port}/graphql`;
  });

  afterAll(async () => {
    const stopped = await Promise.all(services.map((s) => s.stop()));
    await admin?.exec(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin?.close();
    expect(stopped).toEqual(services.map(() => ({ code: 0, forced: false })));
  });

  it('runs six processes, each with its own pid', () => {
    const pids = new Set(services.map((s) => s.child.pid));
    expect(pids.size).toBe(6);
    expect(pids.has(process.pid)).toBe(false);
  });

  it('is ready: the gateway reports every subgraph ready (migrated on PostgreSQL, keys set, database answering)', async () => {
    const res = await fetch(graphqlUrl.replace(/graphql$/, 'ready'));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { checks: Record<string, string> }).checks).toEqual({
      care: 'ok',
      finance: 'ok',
      people: 'ok',
      scheduling: 'ok',
      supply: 'ok',
      keys: 'ok',
    });
  });

  const signIn = async (email: string) => {
    const { login } = await gqlClient(graphqlUrl).data<{ login: { accessToken: string } }>(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email, password: DEMO_PASSWORD },
    );
    return login.accessToken;
  };

  it('signs in through the gateway and answers a query crossing scheduling and people', async () => {
    const reception = gqlClient(graphqlUrl, await signIn('reception@clinigraph.local'));
    const { appointments } = await reception.data<{ appointments: { patient: { displayName: string }; provider: { displayName: string } }[] }>(
      'query ($from: DateTime!, $to: DateTime!) { appointments(from: $from, to: $to) { patient { displayName } provider { displayName } } }',
      { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' },
    );
    expect(appointments.map((a) => a.patient.displayName).sort()).toEqual(['James Chen', 'Maria Garcia']);
    expect(appointments.every((a) => a.provider.displayName.startsWith('Dr. '))).toBe(true);
  });

  it('has no side doors: each subgraph process refuses a direct call, even with a valid token, with 401 INTERNAL_CALL_REFUSED', async () => {
    const token = await signIn('admin@clinigraph.local');
    const results = await Promise.all(subgraphUrls.map((url) => gqlRequest(url, '{ __typename }', {}, token)));
    expect(results.map((r) => ({ status: r.status, code: r.errors[0]?.extensions?.code }))).toEqual(
      subgraphUrls.map(() => ({ status: 401, code: 'INTERNAL_CALL_REFUSED' })),
    );
  });

  it('refuses a token whose signature does not verify, with 401 from the gateway process', async () => {
    const token = await signIn('admin@clinigraph.local');
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
    expect((await gqlRequest(graphqlUrl, '{ me { email } }', {}, token)).data).toEqual({ me: { email: 'admin@clinigraph.local' } });
    const result = await gqlRequest(graphqlUrl, '{ me { email } }', {}, forged);
    expect(result.status).toBe(401);
    expect(result.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
