import { tokenFor } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_TOO_MANY_CONNECTIONS, CLOSE_TOO_MANY_MESSAGES, defaultLiveLimits } from '../../src/live/settings.ts';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { closeSocketsAfterEach, LiveSocket } from './socket.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());
closeSocketsAfterEach();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const doctor = (n: number) => tokenFor({ userId: `00000000-0000-4000-8000-00000000000${n}`, roles: ['doctor'] });

describe('connections per IP', () => {
  it('refuses the handshake past the cap, for anonymous sockets too, and frees a slot when a socket closes', async () => {
    const gateway = await stack.extraGateway({ live: { maxConnectionsPerIp: 3 } });
    const sockets = await Promise.all([1, 2, 3].map(() => LiveSocket.open(gateway.url)));
    expect(sockets.every((s) => s.isOpen)).toBe(true);

    expect(await LiveSocket.connect(gateway.url)).toEqual({ status: 429 });

    sockets[0]!.ws.close();
    await sockets[0]!.waitClosed();
    await sleep(200);
    expect((await LiveSocket.open(gateway.url)).isOpen).toBe(true);
  });

  it('counts a burst of handshakes exactly', async () => {
    const gateway = await stack.extraGateway({ live: { maxConnectionsPerIp: 10 } });
    const attempts = await Promise.all(Array.from({ length: 40 }, () => LiveSocket.connect(gateway.url)));
    expect(attempts.filter((a) => a instanceof LiveSocket)).toHaveLength(10);
    expect(attempts.filter((a) => !(a instanceof LiveSocket))).toEqual(Array.from({ length: 30 }, () => ({ status: 429 })));
  });

  it('allows a clinic behind one address a generous number by default', () => {
    expect(defaultLiveLimits.maxConnectionsPerIp).toBeGreaterThanOrEqual(50);
  });
});

describe('connections per user', () => {
  it('closes a socket past the cap with 4430, leaving other users and earlier sockets alone', async () => {
    const gateway = await stack.extraGateway({ live: { maxConnectionsPerUser: 2 } });
    const alice = await doctor(1);
    const first = await LiveSocket.open(gateway.url, alice);
    const second = await LiveSocket.open(gateway.url, alice);

    const third = await LiveSocket.connect(gateway.url);
    if (!(third instanceof LiveSocket)) throw new Error('handshake refused');
    expect(await third.init(alice)).toEqual({ code: CLOSE_TOO_MANY_CONNECTIONS, reason: 'Too many connections for this user' });
    expect(third.messages).toEqual([]);

    expect((await LiveSocket.open(gateway.url, await doctor(2))).isOpen).toBe(true);
    expect(first.isOpen && second.isOpen).toBe(true);

    first.ws.close();
    await first.waitClosed();
    await sleep(200);
    expect((await LiveSocket.open(gateway.url, alice)).isOpen).toBe(true);
  });
});

describe('connection initialisation', () => {
  it('closes a socket that never sends connection_init with 4408', async () => {
    const gateway = await stack.extraGateway({ live: { connectionInitWaitMs: 300 } });
    const idle = await LiveSocket.connect(gateway.url);
    if (!(idle instanceof LiveSocket)) throw new Error('handshake refused');
    const started = Date.now();
    expect(await idle.waitClosed(3_000)).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('waits a few seconds by default', () => {
    expect(defaultLiveLimits.connectionInitWaitMs).toBeGreaterThan(0);
    expect(defaultLiveLimits.connectionInitWaitMs).toBeLessThanOrEqual(5_000);
  });
});

describe('messages per second', () => {
  it('closes a socket that floods messages with 4431', async () => {
    const gateway = await stack.extraGateway({ live: { maxMessagesPerSecond: 10 } });
    const socket = await LiveSocket.open(gateway.url);
    for (let i = 0; i < 30; i++) socket.send({ type: 'ping' });
    expect(await socket.waitClosed()).toEqual({ code: CLOSE_TOO_MANY_MESSAGES, reason: 'Too many messages' });
    expect(socket.messages.filter((m) => m.type === 'pong').length).toBeLessThanOrEqual(10);
  });

  it('keeps a socket that stays within the rate', async () => {
    const gateway = await stack.extraGateway({ live: { maxMessagesPerSecond: 10 } });
    const socket = await LiveSocket.open(gateway.url);
    for (let i = 0; i < 15; i++) {
      socket.send({ type: 'ping' });
      await sleep(150);
    }
    await socket.until(() => socket.messages.filter((m) => m.type === 'pong').length === 15);
    expect(socket.isOpen).toBe(true);
  });
});
