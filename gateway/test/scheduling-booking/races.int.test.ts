import { randomUUID } from 'node:crypto';
import { codeOf, type GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { BOOK, CANCEL, type Clinic, countRows, futureSlot, networkWide, openClinic, RESCHEDULE } from './fixtures.ts';

let stack: TestStack;
let reception: GqlClient;
let clinic: Clinic;

beforeAll(async () => {
  stack = await startTestStack();
  reception = await networkWide(stack, 'receptionist');
  clinic = await openClinic(await stack.as('admin'), { durationMinutes: 30, bufferAfterMinutes: 10 });
});
afterAll(() => stack?.stop());

const book = (client: GqlClient, startsAt: string, patientId: string = randomUUID(), providerId = clinic.providerIds[0]!) =>
  client.request<{ bookAppointment: { id: string } }>(BOOK, {
    input: { patientId, providerId, facilityId: clinic.facilityId, typeId: clinic.typeId, startsAt },
  });

const activeAt = (startsAt: string) =>
  countRows(stack, `select count(*) as n from scheduling.appointment where provider_id = $1 and starts_at = $2 and status not in ('cancelled', 'no_show')`, [
    clinic.providerIds[0],
    startsAt,
  ]);

describe('no double booking, decided by the database', () => {
  it('lets exactly one of 200 concurrent bookings of one slot through; the rest get SLOT_TAKEN', async () => {
    const slot = futureSlot(10, 15);
    const results = await Promise.all(Array.from({ length: 200 }, () => book(reception, slot)));
    const won = results.filter((r) => r.data?.bookAppointment);
    const codes = results.filter((r) => !r.data?.bookAppointment).map(codeOf);
    expect(won).toHaveLength(1);
    expect(codes).toHaveLength(199);
    expect(new Set(codes)).toEqual(new Set(['SLOT_TAKEN']));
    expect(await activeAt(slot)).toBe(1);
  });

  it('counts the buffer: a booking starting inside the previous one’s buffer is refused', async () => {
    const first = futureSlot(11, 15);
    expect((await book(reception, first)).errors).toEqual([]);
    // The type lasts 30 minutes with 10 minutes after: 15:30 is inside 15:00–15:40.
    const next = futureSlot(11, 15, 30);
    const clash = await book(reception, next);
    expect(codeOf(clash)).toBe('SLOT_TAKEN');
    expect(clash.errors[0]?.extensions?.reason).toBe('PROVIDER_BUSY');
    expect((await book(reception, futureSlot(11, 16))).errors).toEqual([]);
  });

  it('never gives a patient two overlapping appointments, even with different providers', async () => {
    const other = await openClinic(await stack.as('admin'), { durationMinutes: 30 });
    const patientId = randomUUID();
    const slot = futureSlot(12, 15);
    expect((await book(reception, slot, patientId)).errors).toEqual([]);
    const again = await reception.request(BOOK, {
      input: { patientId, providerId: other.providerIds[0], facilityId: other.facilityId, typeId: other.typeId, startsAt: slot },
    });
    expect(codeOf(again)).toBe('SLOT_TAKEN');
    expect(again.errors[0]?.extensions?.reason).toBe('PATIENT_BUSY');
  });

  it('lets exactly one of many concurrent reschedules into one slot through, and the others keep their time', async () => {
    const target = futureSlot(13, 20);
    const booked = await Promise.all(Array.from({ length: 40 }, (_, i) => book(reception, futureSlot(14 + Math.floor(i / 16), i % 16))));
    const ids = booked.map((r) => r.data!.bookAppointment.id);
    const results = await Promise.all(ids.map((id) => reception.request(RESCHEDULE, { id, startsAt: target })));
    expect(results.filter((r) => r.data?.rescheduleAppointment)).toHaveLength(1);
    expect(new Set(results.filter((r) => !r.data?.rescheduleAppointment).map(codeOf))).toEqual(new Set(['SLOT_TAKEN']));
    expect(await activeAt(target)).toBe(1);
    // The losers were not moved: every appointment still has a distinct time, 39 of them the original one.
    const kept = await countRows(stack, `select count(*) as n from scheduling.appointment where id = any($1::uuid[]) and starts_at <> $2`, [ids, target]);
    expect(kept).toBe(39);
  });

  it('lets exactly one of a waitlist acceptance and a direct booking of the freed slot through', async () => {
    const JOIN = `mutation J($input: JoinWaitlistInput!) { joinWaitlist(input: $input) { id } }`;
    const ACCEPT = `mutation A($offerId: ID!) { acceptWaitlistOffer(offerId: $offerId) { id } }`;
    const rounds = 12;
    const outcomes: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const slot = futureSlot(20 + round, 14);
      const holder = await book(reception, slot);
      expect(holder.errors).toEqual([]);
      const waiting = randomUUID();
      await reception.data(JOIN, {
        input: {
          patientId: waiting,
          facilityId: clinic.facilityId,
          typeId: clinic.typeId,
          providerId: clinic.providerIds[0],
          earliest: futureSlot(20 + round, 0),
          latest: futureSlot(20 + round, 23),
        },
      });
      await reception.data(CANCEL, { id: holder.data!.bookAppointment.id, reason: 'Patient called' });
      const [offer] = await stack.db.database.query<{ id: string }>(
        `select o.id from scheduling.waitlist_offer o where o.status = 'pending' and o.starts_at = $1`,
        [slot],
      );
      expect(offer).toBeDefined();
      const [accepted, direct] = await Promise.all([reception.request(ACCEPT, { offerId: offer!.id }), book(reception, slot)]);
      const winners = [accepted, direct].filter((r) => r.errors.length === 0);
      const losers = [accepted, direct].filter((r) => r.errors.length > 0);
      expect(winners).toHaveLength(1);
      expect(losers.map(codeOf)).toEqual(['SLOT_TAKEN']);
      expect(await activeAt(slot)).toBe(1);
      outcomes.push(accepted.errors.length === 0 ? 'offer' : 'direct');
    }
    expect(outcomes).toHaveLength(rounds);
  });
});
