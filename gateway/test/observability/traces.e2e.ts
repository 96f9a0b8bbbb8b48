import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, type Database, generateKeyPems } from '@clinigraph/kit';
import { gqlClient } from '@clinigraph/kit/testing';
import { DEMO_PASSWORD } from '@clinigraph/people';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, runToCompletion, type Service, startService, tsxArgs, waitForHealth } from '../../src/testing/processes.ts';

const adminUrl = process.env.DATABASE_URL;
const title = adminUrl
  ? 'traces: one trace across the gateway and two subgraph processes, exported over OTLP'
  : 'traces — SKIPPED: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run the processes on real PostgreSQL';
if (!adminUrl) console.warn(`gateway/test/observability/traces.e2e.ts: ${title}`);

interface ExportedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}

type OtlpValue = { stringValue?: string };
type OtlpBody = {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: OtlpValue }[] };
    scopeSpans?: { spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string }[] }[];
  }[];
};

/** A tiny OTLP/HTTP (JSON) collector: keeps every span the processes export. */
async function startCollector(): Promise<{ url: string; spans: ExportedSpan[]; server: Server }> {
  const spans: ExportedSpan[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        for (const resourceSpans of (JSON.parse(body) as OtlpBody).resourceSpans ?? []) {
          const service = resourceSpans.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
          for (const scope of resourceSpans.scopeSpans ?? []) for (const span of scope.spans ?? []) spans.push({ service, ...span });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, server };
}

describe.skipIf(!adminUrl)(title, () => {
  const dbName = `clinigraph_traces_${randomBytes(5).toString('hex')}`;
  const services: Service[] = [];
  let admin: Database;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let graphqlUrl: string;

  beforeAll(async () => {
    collector = await startCollector();
    admin = await connect({ url: adminUrl!, max: 1 });
    await admin.exec(`CREATE DATABASE ${dbName}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${dbName}`;
    const keys = await generateKeyPems();
    const base: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: url.toString(),
      CLINIGRAPH_JWT_PUBLIC_KEY: keys.publicKey,
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '4',
      CLINIGRAPH_JOBS: 'off',
      CLINIGRAPH_INTERNAL_SECRET: randomBytes(32).toString('hex'),
    };
    delete base.CLINIGRAPH_JWT_PRIVATE_KEY;
    await runToCompletion('migrate', process.execPath, tsxArgs('gateway/src/main/migrate.ts'), base);
    await runToCompletion('seed', process.execPath, tsxArgs('gateway/src/main/seed-cli.ts'), base);

    // Only the processes serving export spans: migrations and the seed above ran without the endpoint.
    const traced = { ...base, OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_BSP_SCHEDULE_DELAY: '100' };
    const ports = { people: await freePort(), scheduling: await freePort(), gateway: await freePort() };
    const urls = { PEOPLE_URL: `http://127.0.0.1:${ports.people}/graphql`, SCHEDULING_URL: `http://127.0.0.1:${ports.scheduling}/graphql` };
    await Promise.all(
      (['people', 'scheduling'] as const).map(async (name) => {
        const env = { ...traced, ...urls, PORT: String(ports[name]), ...(name === 'people' ? { CLINIGRAPH_JWT_PRIVATE_KEY: keys.privateKey } : {}) };
        const service = startService(name, process.execPath, tsxArgs(`subgraphs/${name}/src/server.ts`), env);
        services.push(service);
        await waitForHealth(service, `http://127.0.0.1:${ports[name]}/health`);
      }),
    );
    const gateway = startService('gateway', process.execPath, tsxArgs('gateway/src/main/gateway.ts'), { ...traced, ...urls, PORT: String(ports.gateway) });
    services.push(gateway);
    await waitForHealth(gateway, `http://127.0.0.1:${ports.gateway}/health`);
    graphqlUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
  }, 90_000);

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await admin?.exec(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin?.close();
    collector?.server.close();
  });

  it('follows one request from the gateway into scheduling and people, down to their SQL, under one trace id', async () => {
    const { login } = await gqlClient(graphqlUrl).data<{ login: { accessToken: string } }>(
      'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email: 'reception@clinigraph.local', password: DEMO_PASSWORD },
    );
    const traceparent = `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
    const traceId = traceparent.split('-')[1]!;
    // The caller's own trace context is continued, so an operator can follow a request from the edge.
    const res = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.accessToken}`, traceparent },
      body: JSON.stringify({
        query: 'query DayBoard($from: DateTime!, $to: DateTime!) { appointments(from: $from, to: $to) { patient { displayName } } }',
        variables: { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' },
      }),
    });
    const body = (await res.json()) as { data?: { appointments: unknown[] }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.appointments.length).toBeGreaterThan(0);

    const inTrace = () => collector.spans.filter((s) => s.traceId === traceId);
    const tracedServices = () => new Set(inTrace().map((s) => s.service));
    await expect.poll(() => [...tracedServices()].sort(), { timeout: 15_000 }).toEqual(['clinigraph-gateway', 'clinigraph-people', 'clinigraph-scheduling']);

    const spans = inTrace();
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const named = (service: string, name: string) => spans.filter((s) => s.service === service && s.name === name);
    expect(named('clinigraph-gateway', 'graphql DayBoard')).toHaveLength(1);
    for (const subgraph of ['clinigraph-scheduling', 'clinigraph-people']) {
      const served = spans.filter((s) => s.service === subgraph && s.name.startsWith('graphql '));
      expect(served.length).toBeGreaterThan(0);
      // Each subgraph's request span is a child of one of the gateway's spans (its fetch), not a new root.
      for (const span of served) expect(byId.get(span.parentSpanId ?? '')?.service).toBe('clinigraph-gateway');
      // …and its SQL runs under it.
      const sql = spans.filter((s) => s.service === subgraph && s.name === 'db.query');
      expect(sql.length).toBeGreaterThan(0);
      expect(sql.every((s) => byId.has(s.parentSpanId ?? ''))).toBe(true);
    }
  });
});
