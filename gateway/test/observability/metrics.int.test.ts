import { randomUUID } from 'node:crypto';
import type { GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { BOOK, futureSlot, networkWide, openClinic } from '../scheduling-booking/fixtures.ts';
import { collect, liveClient } from '../scheduling-live/live-client.ts';

let stack: TestStack;
let reception: GqlClient;

beforeAll(async () => {
  stack = await startTestStack();
  // The clinics openClinic opens are fresh facilities: reception signs in for every facility (scoping is proven in facility-isolation/).
  reception = await networkWide(stack, 'receptionist');
});
afterAll(() => stack?.stop());

/** One scrape of the gateway's /metrics, as Prometheus would read it. */
async function scrape(): Promise<string> {
  const res = await fetch(`${stack.gateway.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
}

/** The value of the first sample of `name` whose labels include every one given. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

const DAY_BOARD = `query DayBoard($from: DateTime!, $to: DateTime!) { appointments(from: $from, to: $to) { patient { displayName } } }`;

describe('GET /metrics on a running stack (embedded: one scrape shows every part)', () => {
  it('counts and times GraphQL requests per operation, at the gateway and in each subgraph it reached', async () => {
    for (let i = 0; i < 3; i++) await reception.data(DAY_BOARD, { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' });
    const text = await scrape();
    expect(sample(text, 'clinigraph_graphql_requests_total', { service: 'gateway', operation: 'DayBoard', outcome: 'ok' })).toBe(3);
    expect(sample(text, 'clinigraph_graphql_request_duration_seconds_count', { service: 'gateway', operation: 'DayBoard' })).toBe(3);
    // The gateway's query plan reaches scheduling for the appointments and people for each patient's name.
    expect(sample(text, 'clinigraph_graphql_requests_total', { service: 'scheduling', outcome: 'ok' })).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'clinigraph_subgraph_requests_total', { subgraph: 'scheduling', outcome: 'ok' })).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'clinigraph_subgraph_requests_total', { subgraph: 'people', outcome: 'ok' })).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'clinigraph_subgraph_request_duration_seconds_count', { subgraph: 'people' })).toBeGreaterThanOrEqual(3);
  });

  it('counts errors by code, and an anonymous or unknown operation never becomes a label of its own', async () => {
    const before = sample(await scrape(), 'clinigraph_graphql_errors_total', { service: 'gateway', operation: 'DayBoard', code: 'UNAUTHENTICATED' }) ?? 0;
    const refused = await stack.anonymous.request(DAY_BOARD, { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' });
    expect(refused.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await reception.request('{ me { email } }');
    await reception.request('query Broken { nothingHere }');
    const text = await scrape();
    expect(sample(text, 'clinigraph_graphql_errors_total', { service: 'gateway', operation: 'DayBoard', code: 'UNAUTHENTICATED' })).toBe(before + 1);
    expect(sample(text, 'clinigraph_graphql_requests_total', { service: 'gateway', operation: 'anonymous' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'clinigraph_graphql_requests_total', { service: 'gateway', operation: 'invalid', outcome: 'error' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('operation="Broken"');
  });

  it('shows the database pool: its size, statements in flight, their duration and failures', async () => {
    const text = await scrape();
    expect(sample(text, 'clinigraph_db_pool_size', { pool: 'main' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'clinigraph_db_queries_in_flight', { pool: 'main' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'clinigraph_db_query_duration_seconds_count', { pool: 'main' })).toBeGreaterThan(0);
  });

  it("shows each event consumer's lag, 0 once it has caught up", async () => {
    await stack.consumers.drain();
    const text = await scrape();
    const lags = [...text.matchAll(/^clinigraph_event_consumer_lag\{consumer="([^"]+)"\} (\S+)$/gm)];
    expect(lags.length).toBeGreaterThan(0);
    expect(lags.map((m) => Number(m[2]))).toEqual(lags.map(() => 0));
  });

  it('counts job runs by job and outcome', async () => {
    const reports = await stack.jobs.runDue();
    expect(reports.length).toBeGreaterThan(0);
    const text = await scrape();
    for (const report of reports)
      expect(sample(text, 'clinigraph_job_runs_total', { job: report.job, outcome: report.ok ? 'ok' : 'failed' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'clinigraph_job_run_duration_seconds_count', { job: reports[0]!.job })).toBeGreaterThanOrEqual(1);
  });

  it('shows live subscribers while they are connected, and how long an event took to reach one', async () => {
    const clinic = await openClinic(await stack.as('admin'));
    const ws = liveClient(stack.gateway.url, reception.token);
    // Subscribing after the newest event id: the booking below reaches it however fast the socket opens.
    const [newest] = await stack.db.database.query<{ id: string }>('select coalesce(max(id), 0)::text as id from events.log');
    const live = collect(ws, 'subscription Changed($after: String, $f: ID) { appointmentChanged(after: $after, facilityId: $f) { kind appointment { id } } }', {
      after: newest?.id,
      f: clinic.facilityId,
    });
    try {
      // Open (registered with the event reader) before the booking, so the booking arrives live rather than replayed.
      await expect.poll(async () => sample(await scrape(), 'clinigraph_live_subscribers')).toBe(1);
      await reception.data(BOOK, {
        input: { patientId: randomUUID(), providerId: clinic.providerIds[0], facilityId: clinic.facilityId, typeId: clinic.typeId, startsAt: futureSlot(3) },
      });
      await live.waitFor(1);
      const text = await scrape();
      expect(sample(text, 'clinigraph_live_subscribers')).toBe(1);
      expect(sample(text, 'clinigraph_live_fanout_seconds_count')).toBeGreaterThanOrEqual(1);
    } finally {
      await live.stop();
      await ws.dispose();
    }
    await expect.poll(async () => sample(await scrape(), 'clinigraph_live_subscribers')).toBe(0);
  });
});
