import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/testing/processes.ts';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

/**
 * The gateway's /ready reports every subgraph and fails when one is down, while /health (the process
 * lives) stays ok: an orchestrator restarts on /health and routes traffic on /ready.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const get = async (base: string, path: string) => {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, body: (await res.json()) as { status: string; checks?: Record<string, string> } };
};

describe('gateway readiness', () => {
  it('is ready when every subgraph is, and lists each one', async () => {
    expect(await get(stack.gateway.url, '/ready')).toEqual({
      status: 200,
      body: { status: 'ready', service: 'gateway', checks: { care: 'ok', finance: 'ok', people: 'ok', scheduling: 'ok', supply: 'ok' } },
    });
  });

  it('is not ready with finance down, naming it, while /health stays ok', async () => {
    const down = `http://127.0.0.1:${await freePort()}/graphql`;
    const gateway = await stack.extraGateway({ serviceUrls: { finance: down } });
    const ready = await get(gateway.url, '/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe('unavailable');
    expect(ready.body.checks).toEqual({ care: 'ok', finance: 'unreachable', people: 'ok', scheduling: 'ok', supply: 'ok' });
    expect(await get(gateway.url, '/health')).toEqual({ status: 200, body: { status: 'ok', service: 'gateway' } });
  });

  it('each subgraph answers /ready itself, with its database and migrations checked', async () => {
    const scheduling = new URL(stack.subgraphs.scheduling!.url).origin;
    expect(await get(scheduling, '/ready')).toEqual({
      status: 200,
      body: { status: 'ready', service: 'scheduling', checks: { database: 'ok', migrations: 'ok' } },
    });
  });
});
