import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pipe, subscribe } from 'wonka';
import { fakeGateway } from '../testing/fake-gateway.ts';
import { memoryStorage } from '../testing/memory-storage.ts';
import { accountWith, authPayload } from '../testing/render-app.tsx';
import { createGraphQLClient } from './client.ts';
import type { ConnectionState } from './live-socket.ts';
import { createSession } from './session.ts';

// The server side is loaded with require, all from one copy of graphql, and `ws` by its path: this
// project's workers resolve packages for the browser, where `ws` is a stub.
const load = createRequire(import.meta.url);
const { WebSocket, WebSocketServer } = load(load.resolve('ws/package.json').replace(/package\.json$/, 'index.js')) as typeof import('ws');
const { buildSchema, parse } = load('graphql') as typeof import('graphql');
const { useServer } = load('graphql-ws/use/ws') as typeof import('graphql-ws/use/ws');

/**
 * A real graphql-ws server standing in for the gateway's live endpoint: an event log, `ticks(after)`
 * that replays the log after the cursor then follows it, and a record of every subscribe.
 */
function liveServer() {
  const log: { cursor: string; n: number }[] = [];
  const waiting = new Set<() => void>();
  const subscribes: { after: string | null; authorization: unknown }[] = [];
  let expireNext = false;
  let finishNext = false;
  let expiryCursor: string | undefined;
  const wss = new WebSocketServer({ port: 0 });
  const schema = buildSchema(
    'type Query { ok: Boolean } type Tick { cursor: String! n: Int! } type Subscription { ticks(after: String, room: String): Tick! }',
  );
  const server = useServer(
    {
      schema,
      context: (ctx) => ({ authorization: ctx.connectionParams?.authorization }),
      roots: {
        subscription: {
          ticks: async function* (args: { after: string | null }, context: { authorization: unknown }) {
            subscribes.push({ after: args.after ?? null, authorization: context.authorization });
            let next = args.after == null ? log.length : log.findIndex((e) => e.cursor === args.after) + 1;
            for (;;) {
              if (expireNext) {
                // As the gateway does: one result with UNAUTHENTICATED, then the stream ends.
                expireNext = false;
                const extensions = expiryCursor === undefined ? { code: 'UNAUTHENTICATED' } : { code: 'UNAUTHENTICATED', cursor: expiryCursor };
                yield {
                  ticks: () => {
                    throw Object.assign(new Error('Your session has expired'), { extensions });
                  },
                };
                return;
              }
              if (finishNext) {
                finishNext = false;
                return;
              }
              while (next < log.length) yield { ticks: log[next++] };
              await new Promise<void>((resolve) => waiting.add(resolve));
            }
          },
        },
      },
    },
    wss,
  );
  return {
    url: `http://127.0.0.1:${(wss.address() as { port: number }).port}/graphql`,
    subscribes,
    publish(n: number) {
      log.push({ cursor: String(n), n });
      for (const wake of waiting) wake();
      waiting.clear();
    },
    dropConnections: () => {
      for (const socket of wss.clients) socket.terminate();
    },
    /** Ends the streams for an expired token; `withCursor`: as the gateway does, with the cursor everything before which was delivered. */
    expireSession({ withCursor = false } = {}) {
      expiryCursor = withCursor ? (log.at(-1)?.cursor ?? '0') : undefined;
      expireNext = true;
      for (const wake of waiting) wake();
      waiting.clear();
    },
    /** Ends the streams for good, with no code to resume on. */
    finishStreams() {
      finishNext = true;
      for (const wake of waiting) wake();
      waiting.clear();
    },
    close: async () => {
      await server.dispose();
      await new Promise((resolve) => wss.close(resolve));
    },
  };
}

/** A document of the stand-in server's own schema above, not of the API. */
const TICKS = parse(`
  subscription Ticks($room: String, $after: String) {
    ticks(room: $room, after: $after) { cursor n }
  }
`);

let server: ReturnType<typeof liveServer>;
beforeEach(() => {
  server = liveServer();
});
afterEach(() => server.close());

const until = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

function subscribed(gateway = fakeGateway({})) {
  const session = createSession(memoryStorage());
  session.signIn(authPayload(accountWith(['RECEPTIONIST']), 'a1', 'r1'));
  const { client, live } = createGraphQLClient(session, { url: server.url, fetch: gateway.fetch, webSocketImpl: WebSocket, liveRetryMs: 20 });
  const received: number[] = [];
  const states: ConnectionState[] = [];
  const { unsubscribe } = pipe(
    client.subscription(TICKS, { room: 'front-desk' }),
    subscribe((result) => {
      const tick = (result.data as { ticks?: { n: number } } | undefined)?.ticks;
      if (tick) received.push(tick.n);
    }),
  );
  const poll = setInterval(() => states.at(-1) !== live.state() && states.push(live.state()), 1);
  return {
    received,
    states,
    session,
    live,
    unsubscribe,
    stop: () => {
      clearInterval(poll);
      unsubscribe();
      live.dispose();
    },
  };
}

describe('live subscriptions', () => {
  it('send the access token and, after a lost connection, resume from the last cursor: nothing missed, nothing twice', async () => {
    const sub = subscribed();
    await until(() => server.subscribes.length === 1, 'the first subscribe');
    expect(server.subscribes[0]).toEqual({ after: null, authorization: 'Bearer a1' });
    server.publish(1);
    server.publish(2);
    await until(() => sub.received.length === 2, 'two events');

    server.dropConnections();
    server.publish(3);
    await until(() => server.subscribes.length === 2, 'the resubscribe');
    expect(server.subscribes[1]?.after).toBe('2');
    server.publish(4);
    await until(() => sub.received.length === 4, 'the missed and the new event');
    expect(sub.received).toEqual([1, 2, 3, 4]);
    expect(sub.states).toEqual(expect.arrayContaining(['live', 'reconnecting']));
    expect(sub.states.at(-1)).toBe('live');
    sub.stop();
  });

  it('refresh the session when the server ends a stream for an expired token, then resume with the new token', async () => {
    const gateway = fakeGateway({ RefreshSession: () => ({ data: { refreshSession: authPayload(accountWith(['RECEPTIONIST']), 'a2', 'r2') } }) });
    const sub = subscribed(gateway);
    await until(() => server.subscribes.length === 1, 'the first subscribe');
    server.publish(1);
    await until(() => sub.received.length === 1, 'the first event');

    server.expireSession();
    server.publish(2);
    await until(() => server.subscribes.length === 2, 'the resubscribe');
    expect(gateway.named('RefreshSession')[0]?.variables).toEqual({ refreshToken: 'r1' });
    expect(server.subscribes[1]).toEqual({ after: '1', authorization: 'Bearer a2' });
    await until(() => sub.received.length === 2, 'the event after the refresh');
    expect(sub.received).toEqual([1, 2]);
    sub.stop();
  });

  it('resume a stream that had no event yet from the cursor the server ends it with, so nothing booked during the refresh is lost', async () => {
    const gateway = fakeGateway({ RefreshSession: () => ({ data: { refreshSession: authPayload(accountWith(['RECEPTIONIST']), 'a2', 'r2') } }) });
    const sub = subscribed(gateway);
    await until(() => server.subscribes.length === 1, 'the first subscribe');

    server.expireSession({ withCursor: true });
    server.publish(1);
    await until(() => server.subscribes.length === 2, 'the resubscribe');
    expect(server.subscribes[1]).toEqual({ after: '0', authorization: 'Bearer a2' });
    await until(() => sub.received.length === 1, 'the event published while the session was refreshed');
    expect(sub.received).toEqual([1]);
    sub.stop();
  });

  it('reconnect with a token the app already refreshed, without rotating it again', async () => {
    const gateway = fakeGateway({});
    const sub = subscribed(gateway);
    await until(() => server.subscribes.length === 1, 'the first subscribe');
    sub.session.signIn(authPayload(accountWith(['RECEPTIONIST']), 'a9', 'r9'));
    server.expireSession();
    await until(() => server.subscribes.length === 2, 'the resubscribe');
    expect(server.subscribes[1]?.authorization).toBe('Bearer a9');
    expect(gateway.named('RefreshSession')).toHaveLength(0);
    sub.stop();
  });

  it('say "Reconnecting…" rather than "Live" while a stream the server ended waits for the refreshed session', async () => {
    const gateway = fakeGateway({
      RefreshSession: () =>
        new Promise((resolve) => setTimeout(() => resolve({ data: { refreshSession: authPayload(accountWith(['RECEPTIONIST']), 'a2', 'r2') } }), 300)),
    });
    const sub = subscribed(gateway);
    await until(() => server.subscribes.length === 1 && sub.live.state() === 'live', 'the first subscribe');
    server.expireSession();
    await until(() => sub.live.state() === 'reconnecting', 'the badge to stop saying Live');
    expect(server.subscribes).toHaveLength(1);
    await until(() => server.subscribes.length === 2 && sub.live.state() === 'live', 'the resubscribe');
    sub.stop();
  });

  it('say the page is not live once its stream ended for good, until the page lets go of it', async () => {
    const sub = subscribed();
    await until(() => server.subscribes.length === 1 && sub.live.state() === 'live', 'the first subscribe');
    server.finishStreams();
    await until(() => sub.live.state() === 'stopped', 'the badge to say the stream stopped');
    await new Promise((r) => setTimeout(r, 1500));
    expect(sub.live.state()).toBe('stopped');
    sub.unsubscribe();
    expect(sub.live.state()).not.toBe('stopped');
    sub.stop();
  });
});
