import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchEntities } from '../peers.ts';
import { startTracing, tracer } from './setup.ts';

/** One local HTTP server standing in for both a peer subgraph (records request headers) and the OTLP collector. */
let server: Server;
let url: string;
const seen: IncomingHttpHeaders[] = [];
let stopTracing: () => Promise<void>;
const call = { from: 'care', to: 'people' };

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"_entities":[]}}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = url;
  stopTracing = startTracing('test');
});
afterAll(async () => {
  await stopTracing();
  delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  server.close();
});

describe('W3C trace context on a subgraph’s read of another subgraph', () => {
  it('sends the current span as traceparent, so the peer’s spans join the same trace', async () => {
    const span = tracer().startSpan('request');
    await context.with(trace.setSpan(context.active(), span), () => fetchEntities(`${url}/graphql`, 'token', 'Patient', [], 'id', { call }));
    span.end();
    const { traceId, spanId } = span.spanContext();
    expect(seen.at(-1)?.traceparent).toBe(`00-${traceId}-${spanId}-01`);
  });

  it('sends none outside any trace', async () => {
    await fetchEntities(`${url}/graphql`, 'token', 'Patient', [], 'id', { call });
    expect(seen.at(-1)?.traceparent).toBeUndefined();
  });
});
