import { randomUUID } from 'node:crypto';
import { signAccessToken } from '@clinigraph/kit';
import type { GqlClient } from '@clinigraph/kit/testing';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { BOOK, type Clinic, futureSlot, networkWide, openClinic } from '../scheduling-booking/fixtures.ts';
import { collect, liveConnections } from './live-client.ts';

let stack: TestStack;
let reception: GqlClient;
let clinic: Clinic;

beforeAll(async () => {
  stack = await startTestStack();
  reception = await networkWide(stack, 'receptionist');
  clinic = await openClinic(await stack.as('admin'), { durationMinutes: 30 });
});
afterAll(() => stack?.stop());

const connect = liveConnections(() => stack.gateway.url);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A socket that stays open with no subscription on it, as the web's does for a moment between two days of the board. */
const eagerSocket = (token: string) =>
  createClient({
    url: `${stack.gateway.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
  });

/** A receptionist's access token that runs out after `seconds`. */
async function shortToken(seconds: number): Promise<string> {
  const { me } = await reception.data<{ me: { id: string } }>(`{ me { id } }`);
  const identity = { userId: me.id, roles: ['receptionist' as const], patientId: null, providerId: null, facilityIds: null, scopes: [] };
  return (await signAccessToken(identity, seconds)).token;
}

const CHANGED = `subscription Changed($after: String, $facilityId: ID, $day: Date) {
  appointmentChanged(after: $after, facilityId: $facilityId, day: $day) { cursor kind appointment { id } }
}`;
type Changed = { appointmentChanged: { cursor: string; kind: string; appointment: { id: string } } };
type Ended = { extensions?: Record<string, unknown> } | undefined;

const book = (startsAt: string) =>
  reception.data<{ bookAppointment: { id: string } }>(BOOK, {
    input: { patientId: randomUUID(), providerId: clinic.providerIds[0], facilityId: clinic.facilityId, typeId: clinic.typeId, startsAt },
  });

describe('live subscriptions across an access token’s expiry', () => {
  it('end when the token runs out even if no event comes, with the cursor to resume from', async () => {
    const live = collect<Changed>(connect({ token: await shortToken(2) }), CHANGED, { facilityId: clinic.facilityId });
    await live.waitFor(1, 5_000);
    const ended = live.results[0]?.errors?.[0] as Ended;
    expect(ended?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(ended?.extensions?.cursor).toMatch(/^\d+$/);
  });

  it('lose nothing when a board changes its filter after expiry: the new subscription ends at once and its cursor replays the booking', async () => {
    const socket = eagerSocket(await shortToken(2));
    const first = collect<Changed>(socket, CHANGED, { facilityId: clinic.facilityId, day: futureSlot(8).slice(0, 10) });
    await first.waitFor(1, 5_000);
    // The board moves to another day on the same socket, whose token is now stale.
    const day = futureSlot(9, 15).slice(0, 10);
    const stale = collect<Changed>(socket, CHANGED, { facilityId: clinic.facilityId, day });
    await stale.waitFor(1, 2_000);
    const ended = stale.results[0]?.errors?.[0] as Ended;
    expect(ended?.extensions?.code).toBe('UNAUTHENTICATED');
    // The portal books that day while the board is signing in again.
    const { bookAppointment } = await book(futureSlot(9, 15));
    await sleep(200);
    const renewed = collect<Changed>(connect(reception), CHANGED, { facilityId: clinic.facilityId, day, after: String(ended?.extensions?.cursor) });
    await renewed.waitFor(1);
    expect(renewed.results[0]?.data?.appointmentChanged).toMatchObject({ kind: 'BOOKED', appointment: { id: bookAppointment.id } });
    await socket.dispose();
  });
});
