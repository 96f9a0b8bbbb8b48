import { type Client, createClient } from 'graphql-ws';
import { afterEach } from 'vitest';
import WebSocket from 'ws';

export interface Received<T> {
  results: { data?: T | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }[];
  /** Errors the subscription itself ended with (refused, socket closed…). */
  failures: unknown[];
  /** Resolves once `n` results arrived (or rejects after the timeout). */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  /** Waits a moment to show that nothing more arrives. */
  settle(ms?: number): Promise<void>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A graphql-ws client on the gateway's /graphql, signed in with `token` (or anonymous). */
export function liveClient(gatewayUrl: string, token: string | null): Client {
  return createClient({
    url: `${gatewayUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** Subscribes and collects every result in the background. */
export function collect<T = Record<string, any>>(client: Client, query: string, variables: Record<string, unknown> = {}): Received<T> {
  const results: Received<T>['results'] = [];
  const failures: unknown[] = [];
  const iterator = client.iterate<T>({ query, variables });
  let finished = false;
  const running = (async () => {
    try {
      for await (const result of iterator) results.push(result as Received<T>['results'][number]);
    } catch (err) {
      failures.push(err);
    } finally {
      finished = true;
    }
  })();
  return {
    results,
    failures,
    waitFor: async (n, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (results.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} results, got ${results.length}: ${JSON.stringify(results)} ${String(failures)}`);
        if (finished && results.length < n) throw new Error(`subscription ended after ${results.length} results: ${String(failures)}`);
        await sleep(20);
      }
    },
    settle: async (ms = 600) => {
      await sleep(ms);
    },
    stop: async () => {
      await iterator.return?.();
      await running.then(() => undefined);
    },
  };
}

/**
 * `connect(client)` opens a socket signed in as that test client; every socket opened during a test is
 * closed after it. Call at the top level of a test file.
 */
export function liveConnections(gatewayUrl: () => string): (client: { token: string | null }) => Client {
  const open: Client[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.dispose()));
  });
  return (client) => {
    const ws = liveClient(gatewayUrl(), client.token);
    open.push(ws);
    return ws;
  };
}
