import { randomUUID } from 'node:crypto';
import { signAccessToken } from '@clinigraph/kit';
import type { GqlClient } from '@clinigraph/kit/testing';
import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { BOOK, type Clinic, futureSlot, networkWide, openClinic } from '../scheduling-booking/fixtures.ts';
import { collect, liveClient } from './live-client.ts';

let stack: TestStack;
let reception: GqlClient;
let clinic: Clinic;
const clients: Client[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  reception = await networkWide(stack, 'receptionist');
  clinic = await openClinic(await stack.as('admin'), { durationMinutes: 30 });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(() => stack?.stop());

const connect = (token: string | null) => {
  const client = liveClient(stack.gateway.url, token);
  clients.push(client);
  return client;
};

/** The newest event id: subscribing after it replays nothing old and misses nothing new. */
const cursorNow = async () => String((await stack.db.database.query<{ id: string }>(`select coalesce(max(id), 0)::text as id from events.log`))[0]!.id);

const book = (startsAt: string, patientId: string, c: Clinic = clinic) =>
  reception.data<{ bookAppointment: { id: string } }>(BOOK, {
    input: { patientId, providerId: c.providerIds[0], facilityId: c.facilityId, typeId: c.typeId, startsAt },
  });

const CHANGED = `subscription Changed($after: String, $facilityId: ID, $providerId: ID, $day: Date, $mine: Boolean) {
  appointmentChanged(after: $after, facilityId: $facilityId, providerId: $providerId, day: $day, mine: $mine) {
    cursor kind appointment { id status startsAt patient { displayName } }
  }
}`;
/** Without federated fields: the made-up patients of these tests have no people record. */
const CURSORS = `subscription Cursors($after: String, $facilityId: ID) { appointmentChanged(after: $after, facilityId: $facilityId) { cursor kind appointment { id } } }`;
type Changed = { appointmentChanged: { cursor: string; kind: string; appointment: { id: string; patient: { displayName: string } } } };

describe('live appointment changes through the gateway', () => {
  it('delivers a booking with federated fields: the patient’s name from people, the provider’s from people', async () => {
    const maria = stack.seed.patientIds[0]!;
    const { firstAvailableSlots } = await reception.data<{ firstAvailableSlots: { startsAt: string; provider: { id: string } }[] }>(
      `query F($input: SlotSearchInput!) { firstAvailableSlots(input: $input) { startsAt provider { id } } }`,
      {
        input: {
          typeId: (await reception.data<{ appointmentTypes: { id: string; code: string }[] }>(`{ appointmentTypes { id code } }`)).appointmentTypes.find(
            (t) => t.code === 'CONSULT',
          )!.id,
          facilityId: stack.seed.facilityId,
          from: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
        },
      },
    );
    const slot = firstAvailableSlots[0]!;
    const live = collect<{ appointmentChanged: { kind: string; appointment: { patient: { displayName: string }; provider: { displayName: string } } } }>(
      connect(reception.token),
      `subscription($after: String, $f: ID) { appointmentChanged(after: $after, facilityId: $f) { kind appointment { patient { displayName } provider { displayName } } } }`,
      { after: await cursorNow(), f: stack.seed.facilityId },
    );
    const consult = (await reception.data<{ appointmentTypes: { id: string; code: string }[] }>(`{ appointmentTypes { id code } }`)).appointmentTypes.find(
      (t) => t.code === 'CONSULT',
    )!;
    await reception.data(BOOK, {
      input: { patientId: maria, providerId: slot.provider.id, facilityId: stack.seed.facilityId, typeId: consult.id, startsAt: slot.startsAt },
    });
    await live.waitFor(1);
    expect(live.results[0]?.data?.appointmentChanged).toEqual({
      kind: 'BOOKED',
      appointment: { patient: { displayName: 'Maria Garcia' }, provider: { displayName: 'Dr. Amara Okafor' } },
    });
    await live.stop();
  });

  it('never gives a patient another patient’s event, whatever they filter on', async () => {
    const [mariaId, jamesId] = stack.seed.patientIds;
    const maria = await stack.as({ email: 'maria@example.com' });
    const after = await cursorNow();
    const client = connect(maria.token);
    const all = collect<Changed>(client, CHANGED, { after });
    const byFacility = collect<Changed>(client, CHANGED, { after, facilityId: clinic.facilityId });
    const byProvider = collect<Changed>(client, CHANGED, { after, providerId: clinic.providerIds[0] });
    await book(futureSlot(5, 14), jamesId!);
    await book(futureSlot(5, 15), randomUUID());
    await book(futureSlot(5, 16), mariaId!);
    for (const stream of [all, byFacility, byProvider]) {
      await stream.waitFor(1);
      await stream.settle();
      expect(stream.results.map((r) => r.data?.appointmentChanged.appointment.patient.displayName)).toEqual(['Maria Garcia']);
    }
    const queue = collect(client, `subscription($p: ID!, $d: Date!) { queueChanged(providerId: $p, day: $d) { cursor } }`, {
      p: clinic.providerIds[0],
      d: '2026-12-01',
    });
    await queue.settle(300);
    expect(queue.results).toEqual([]);
    expect(JSON.stringify(queue.failures)).toContain('FORBIDDEN');
  });

  it('after a disconnect, replays exactly the missed events once each, then continues live', async () => {
    const first = collect<Changed>(connect(reception.token), CURSORS, { after: await cursorNow(), facilityId: clinic.facilityId });
    const a = await book(futureSlot(6, 14), randomUUID());
    await first.waitFor(1);
    const cursor = first.results[0]!.data!.appointmentChanged.cursor;
    await first.stop();
    await Promise.all(clients.splice(0).map((c) => c.dispose()));

    const b = await book(futureSlot(6, 15), randomUUID());
    const c = await book(futureSlot(6, 16), randomUUID());
    const again = collect<Changed>(connect(reception.token), CURSORS, { after: cursor, facilityId: clinic.facilityId });
    await again.waitFor(2);
    await again.settle();
    const ids = () => again.results.map((r) => r.data!.appointmentChanged.appointment.id);
    expect(ids()).toEqual([b.bookAppointment.id, c.bookAppointment.id]);
    expect(ids()).not.toContain(a.bookAppointment.id);

    const d = await book(futureSlot(6, 17), randomUUID());
    await again.waitFor(3);
    await again.settle();
    expect(ids()).toEqual([b.bookAppointment.id, c.bookAppointment.id, d.bookAppointment.id]);
    const cursors = again.results.map((r) => BigInt(r.data!.appointmentChanged.cursor));
    expect(cursors.every((x, i) => i === 0 || x > cursors[i - 1]!)).toBe(true);
  });

  it('loses and repeats nothing when events keep coming during the replay', async () => {
    const after = await cursorNow();
    for (let i = 0; i < 30; i++) await book(futureSlot(31 + Math.floor(i / 20), i % 20), randomUUID());
    const live = collect<Changed>(connect(reception.token), CURSORS, { after, facilityId: clinic.facilityId });
    await Promise.all(Array.from({ length: 20 }, (_, i) => book(futureSlot(33, i), randomUUID())));
    await live.waitFor(50, 20_000);
    await live.settle();
    const cursors = live.results.map((r) => BigInt(r.data!.appointmentChanged.cursor));
    expect(cursors).toHaveLength(50);
    expect(new Set(cursors).size).toBe(50);
    expect(cursors.every((x, i) => i === 0 || x > cursors[i - 1]!)).toBe(true);
  });

  it('emits nothing for a booking that rolled back', async () => {
    const live = collect<Changed>(connect(reception.token), CURSORS, { after: await cursorNow(), facilityId: clinic.facilityId });
    const slot = futureSlot(7, 14);
    await book(slot, randomUUID());
    const lost = await reception.request(BOOK, {
      input: { patientId: randomUUID(), providerId: clinic.providerIds[0], facilityId: clinic.facilityId, typeId: clinic.typeId, startsAt: slot },
    });
    expect(lost.errors[0]?.extensions?.code).toBe('SLOT_TAKEN');
    await live.waitFor(1);
    await live.settle();
    expect(live.results).toHaveLength(1);
  });
});

describe('live queue and connection rules', () => {
  it('streams a provider’s day queue with patient names on check-in', async () => {
    const start = new Date(Math.ceil((Date.now() + 45 * 60_000) / 1_800_000) * 1_800_000).toISOString();
    const { bookAppointment } = await book(start, stack.seed.patientIds[2]!);
    const { appointment } = await reception.data<{ appointment: { localDate: string } }>(`query($id: ID!) { appointment(id: $id) { localDate } }`, {
      id: bookAppointment.id,
    });
    const live = collect<{ queueChanged: { kind: string; queue: { token: number; position: number; appointment: { patient: { displayName: string } } }[] } }>(
      connect(reception.token),
      `subscription($p: ID!, $d: Date!, $after: String) { queueChanged(providerId: $p, day: $d, after: $after) { kind queue { token position appointment { patient { displayName } } } } }`,
      { p: clinic.providerIds[0], d: appointment.localDate, after: await cursorNow() },
    );
    await reception.data(`mutation($id: ID!) { checkInAppointment(id: $id) { id } }`, { id: bookAppointment.id });
    await live.waitFor(1);
    expect(live.results[0]?.data?.queueChanged).toEqual({
      kind: 'CHECKED_IN',
      queue: [{ token: 1, position: 1, appointment: { patient: { displayName: 'Aisha Khan' } } }],
    });
  });

  it('refuses a bad token at connection and an anonymous subscription', async () => {
    const forged = collect(connect('not-a-token'), CHANGED, {});
    const anonymous = collect(connect(null), CHANGED, {});
    await forged.settle(300);
    await anonymous.settle(300);
    expect(forged.results).toEqual([]);
    expect(String((forged.failures[0] as { code?: number })?.code)).toBe('4403');
    expect(JSON.stringify(anonymous.failures)).toContain('UNAUTHENTICATED');
  });

  it('ends a subscription whose token expired, asking to resubscribe with the cursor', async () => {
    const reception2 = await stack.as('receptionist');
    const identity = (await reception2.data<{ me: { id: string } }>(`{ me { id } }`)).me;
    const { token } = await signAccessToken(
      { userId: identity.id, roles: ['receptionist'], patientId: null, providerId: null, facilityIds: null, scopes: [] },
      1,
    );
    const live = collect<Changed>(connect(token), CHANGED, { after: await cursorNow(), facilityId: clinic.facilityId });
    await new Promise((r) => setTimeout(r, 1500));
    await book(futureSlot(7, 15), randomUUID());
    await live.waitFor(1);
    expect(live.results[0]?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
