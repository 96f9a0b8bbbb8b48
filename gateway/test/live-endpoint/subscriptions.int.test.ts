import { randomUUID } from 'node:crypto';
import type { GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_TOO_MANY_MESSAGES, defaultLiveLimits } from '../../src/live/settings.ts';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { BOOK, type Clinic, futureSlot, networkWide, openClinic } from '../scheduling-booking/fixtures.ts';
import { closeSocketsAfterEach, codesOf, LiveSocket } from './socket.ts';

let stack: TestStack;
let reception: GqlClient;
let clinic: Clinic;
beforeAll(async () => {
  stack = await startTestStack();
  // The clinics openClinic opens are fresh facilities: reception signs in for every facility (scoping is proven in facility-isolation/).
  reception = await networkWide(stack, 'receptionist');
  clinic = await openClinic(await stack.as('admin'), { durationMinutes: 30 });
});
afterAll(() => stack?.stop());
closeSocketsAfterEach();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Without federated fields: the made-up patients of these bookings have no people record. */
const CURSORS = `subscription($f: ID) { appointmentChanged(facilityId: $f) { cursor kind } }`;
const book = (startsAt: string, patientId: string = randomUUID()) =>
  reception.data(BOOK, { input: { patientId, providerId: clinic.providerIds[0], facilityId: clinic.facilityId, typeId: clinic.typeId, startsAt } });
const burst = (socket: LiveSocket, n: number) => {
  for (let i = 0; i < n; i++) socket.subscribe(`s${i}`, CURSORS, { f: clinic.facilityId });
};

describe('subscriptions per connection', () => {
  it('accepts exactly the cap out of a burst of 200, refusing the rest with TOO_MANY_REQUESTS', async () => {
    const cap = defaultLiveLimits.maxSubscriptionsPerConnection;
    // The message rate is lifted here so the burst reaches the subscription cap (the next test keeps it).
    const gateway = await stack.extraGateway({ database: stack.db.database, live: { maxMessagesPerSecond: 10_000 } });
    const socket = await LiveSocket.open(gateway.url, reception.token);
    burst(socket, 200);
    const refused = () => socket.messages.filter((m) => m.type === 'error');
    await socket.until(() => refused().length === 200 - cap);
    expect(new Set(refused().flatMap(codesOf))).toEqual(new Set(['TOO_MANY_REQUESTS']));

    await book(futureSlot(3, 14));
    const delivered = () => socket.messages.filter((m) => m.type === 'next');
    await socket.until(() => delivered().length === cap);
    await sleep(300);
    expect(delivered()).toHaveLength(cap);
    expect(refused()).toHaveLength(200 - cap);
    expect(new Set([...delivered(), ...refused()].map((m) => m.id)).size).toBe(200);

    // Ending one gives its place back.
    const ended = delivered()[0]!.id!;
    socket.send({ id: ended, type: 'complete' });
    await sleep(100);
    socket.subscribe('again', CURSORS, { f: clinic.facilityId });
    socket.subscribe('over', CURSORS, { f: clinic.facilityId });
    await socket.until(() => socket.of('over').length > 0);
    expect(codesOf(socket.of('over')[0]!)).toEqual(['TOO_MANY_REQUESTS']);
    expect(socket.of('again')).toEqual([]);
    expect(socket.isOpen).toBe(true);
  });

  it('closes a socket that sends a burst of 200 past the message rate, with no more than the cap subscribed', async () => {
    const socket = await LiveSocket.open(stack.gateway.url, reception.token);
    burst(socket, 200);
    expect((await socket.waitClosed()).code).toBe(CLOSE_TOO_MANY_MESSAGES);
    expect(socket.messages.filter((m) => m.type === 'next')).toEqual([]);
  });
});

describe('one failing operation on a shared socket', () => {
  it('answers an erroring query with its error, and the socket’s subscription keeps delivering', async () => {
    const socket = await LiveSocket.open(stack.gateway.url, reception.token);
    socket.subscribe('live', CURSORS, { f: clinic.facilityId });
    await sleep(200);
    await book(futureSlot(4, 14));
    await socket.until(() => socket.of('live').length === 1);

    const failed = await socket.run('missing', `query($id: ID!) { patient(id: $id) { id displayName } }`, { id: randomUUID() });
    expect(failed.type).toBe('next');
    expect(codesOf(failed)).toEqual(['NOT_FOUND']);
    const invalid = await socket.run('invalid', `query($id: ID!) { patient(id: $id) { id } }`, { id: 'not an id' });
    expect(codesOf(invalid).length).toBeGreaterThan(0);
    expect(socket.isOpen).toBe(true);

    await book(futureSlot(4, 15));
    await socket.until(() => socket.of('live').length === 2);
    expect(socket.of('live').map((m) => m.type)).toEqual(['next', 'next']);
    expect(socket.of('live').map((m) => m.payload.data.appointmentChanged.kind)).toEqual(['BOOKED', 'BOOKED']);
  });

  it('delivers a live payload with a FORBIDDEN field as data with that error, and the subscription goes on', async () => {
    const socket = await LiveSocket.open(stack.gateway.url, reception.token);
    const [maria, james] = stack.seed.patientIds;
    socket.subscribe('clinical', `subscription($f: ID) { appointmentChanged(facilityId: $f) { kind appointment { patient { displayName bloodGroup } } } }`, {
      f: clinic.facilityId,
    });
    socket.subscribe('plain', CURSORS, { f: clinic.facilityId });
    await sleep(200);
    await book(futureSlot(5, 14), maria!);
    await book(futureSlot(5, 15), james!);
    await socket.until(() => socket.of('clinical').length === 2 && socket.of('plain').length === 2);

    for (const message of socket.of('clinical')) {
      expect(message.type).toBe('next');
      expect(message.payload.data.appointmentChanged.appointment.patient).toEqual({ displayName: expect.any(String), bloodGroup: null });
      expect(codesOf(message)).toEqual(['FORBIDDEN']);
    }
    expect(socket.of('plain').map((m) => m.type)).toEqual(['next', 'next']);
    expect(socket.isOpen).toBe(true);
  });
});
