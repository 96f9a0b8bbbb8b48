import { randomUUID } from 'node:crypto';
import { codeOf, type GqlClient } from '@clinigraph/kit/testing';
import { addDays, localDate, localInstant } from '@clinigraph/scheduling/domain/time';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { BOOK, CANCEL, type Clinic, countRows, futureSlot, networkWide, openClinic, RESCHEDULE } from './fixtures.ts';

let stack: TestStack;
let reception: GqlClient;
let doctor: GqlClient;
let maria: GqlClient;
let mariaId: string;
let clinic: Clinic;
const NY = 'America/New_York';

beforeAll(async () => {
  stack = await startTestStack();
  reception = await networkWide(stack, 'receptionist');
  doctor = await networkWide(stack, 'doctor');
  maria = await stack.as({ email: 'maria@example.com' });
  mariaId = stack.seed.patientIds[0]!;
  clinic = await openClinic(await stack.as('admin'), { durationMinutes: 30 });
});
afterAll(() => stack?.stop());

const input = (c: Clinic, startsAt: string, patientId?: string) => ({
  patientId,
  providerId: c.providerIds[0],
  facilityId: c.facilityId,
  typeId: c.typeId,
  startsAt,
});
const bookAs = (client: GqlClient, startsAt: string, patientId?: string, c = clinic) =>
  client.request<{ bookAppointment: { id: string; status: string } }>(BOOK, { input: input(c, startsAt, patientId) });
const move = (client: GqlClient, field: string, id: string, reason?: string) =>
  client.request<Record<string, { status: string; queueToken: number | null; queuePosition: number | null }>>(
    `mutation M($id: ID!, $reason: String) { ${field}(id: $id, reason: $reason) { status queueToken queuePosition } }`,
    { id, reason },
  );

/** The next 30-minute grid time at least `minutes` from now. */
function soon(minutes: number): string {
  const t = Date.now() + minutes * 60_000;
  return new Date(Math.ceil(t / 1_800_000) * 1_800_000).toISOString();
}

/** Two consecutive grid times within check-in range, on the same New York date. */
function twoSoonSameDay(): [string, string] {
  const later = (iso: string) => new Date(Date.parse(iso) + 1_800_000).toISOString();
  const first = soon(30);
  return localDate(Date.parse(first), NY) === localDate(Date.parse(later(first)), NY) ? [first, later(first)] : [later(first), later(later(first))];
}

describe('the appointment state machine', () => {
  it('walks requested → confirmed → checked_in → in_progress → completed, keeping who and why', async () => {
    const request = await openClinic(await stack.as('admin'), { durationMinutes: 30, policy: 'PATIENT_REQUEST' });
    const booked = await bookAs(maria, soon(240), undefined, request);
    expect(booked.errors).toEqual([]);
    const id = booked.data!.bookAppointment.id;
    expect(booked.data!.bookAppointment.status).toBe('REQUESTED');
    expect((await move(reception, 'confirmAppointment', id, 'Slot fits')).data?.confirmAppointment?.status).toBe('CONFIRMED');
    const checkedIn = await move(reception, 'checkInAppointment', id);
    expect(checkedIn.data?.checkInAppointment).toMatchObject({ status: 'CHECKED_IN', queueToken: 1, queuePosition: 1 });
    expect((await move(doctor, 'startAppointment', id)).data?.startAppointment?.status).toBe('IN_PROGRESS');
    expect((await move(doctor, 'completeAppointment', id)).data?.completeAppointment?.status).toBe('COMPLETED');

    const { appointment } = await maria.data<{
      appointment: { history: { action: string; fromStatus: string | null; toStatus: string; reason: string | null }[] };
    }>(`query A($id: ID!) { appointment(id: $id) { history { action fromStatus toStatus reason } } }`, { id });
    expect(appointment.history.map((h) => [h.action, h.fromStatus, h.toStatus])).toEqual([
      ['booked', null, 'REQUESTED'],
      ['confirm', 'REQUESTED', 'CONFIRMED'],
      ['check_in', 'CONFIRMED', 'CHECKED_IN'],
      ['start', 'CHECKED_IN', 'IN_PROGRESS'],
      ['complete', 'IN_PROGRESS', 'COMPLETED'],
    ]);
    expect(appointment.history[1]?.reason).toBe('Slot fits');
    const topics = await stack.db.database.query<{ topic: string }>(
      `select topic from events.log where (entity_id = $1 or payload->>'appointmentId' = $1) and (topic like 'appointment.%' or topic = 'queue.changed') order by id`,
      [id],
    );
    expect(topics.map((t) => t.topic)).toEqual([
      'appointment.changed',
      'appointment.changed',
      'appointment.changed',
      'appointment.checked_in',
      'queue.changed',
      'appointment.changed',
      'queue.changed',
      'appointment.changed',
      'appointment.completed',
      'queue.changed',
    ]);
  });

  it('rejects illegal moves with INVALID_STATE and changes nothing', async () => {
    const { data } = await bookAs(reception, futureSlot(9, 15), randomUUID());
    const id = data!.bookAppointment.id;
    expect(codeOf(await move(doctor, 'completeAppointment', id))).toBe('INVALID_STATE');
    expect(codeOf(await move(doctor, 'startAppointment', id))).toBe('INVALID_STATE');
    expect(codeOf(await move(reception, 'markNoShow', id))).toBe('INVALID_STATE');
    expect(codeOf(await move(reception, 'confirmAppointment', id))).toBe('INVALID_STATE');
    expect((await move(reception, 'cancelAppointment', id, 'Duplicate')).data?.cancelAppointment?.status).toBe('CANCELLED');
    expect(codeOf(await move(reception, 'cancelAppointment', id))).toBe('INVALID_STATE');
    expect(codeOf(await move(reception, 'checkInAppointment', id))).toBe('INVALID_STATE');
    expect(codeOf(await reception.request(RESCHEDULE, { id, startsAt: futureSlot(9, 16) }))).toBe('INVALID_STATE');
    expect(await countRows(stack, `select count(*) as n from scheduling.appointment_history where appointment_id = $1`, [id])).toBe(2);
  });

  it('hands out the day’s queue tokens per provider in check-in order, with positions', async () => {
    const day = await openClinic(await stack.as('admin'), { durationMinutes: 30 });
    const [early, late] = twoSoonSameDay();
    const first = (await bookAs(reception, early, randomUUID(), day)).data!.bookAppointment.id;
    const second = (await bookAs(reception, late, randomUUID(), day)).data!.bookAppointment.id;
    const [a, b] = await Promise.all([move(reception, 'checkInAppointment', second), move(reception, 'checkInAppointment', first)]);
    const tokens = [a.data!.checkInAppointment!.queueToken, b.data!.checkInAppointment!.queueToken].sort();
    expect(tokens).toEqual([1, 2]);
    await move(doctor, 'startAppointment', first);
    const { queue } = await reception.data<{ queue: { token: number; position: number | null; status: string }[] }>(
      `query Q($p: ID!, $d: Date!) { queue(providerId: $p, day: $d) { token position status } }`,
      {
        p: day.providerIds[0],
        d: (await reception.data<{ appointment: { localDate: string } }>(`query($id: ID!) { appointment(id: $id) { localDate } }`, { id: second })).appointment
          .localDate,
      },
    );
    expect(queue.map((q) => q.status).sort()).toEqual(['CHECKED_IN', 'IN_PROGRESS']);
    expect(queue.find((q) => q.status === 'CHECKED_IN')?.position).toBe(1);
    expect(queue.find((q) => q.status === 'IN_PROGRESS')?.position).toBeNull();
  });
});

describe('who may book what', () => {
  it('refuses a patient booking for someone else', async () => {
    const result = await bookAs(maria, futureSlot(9, 17), stack.seed.patientIds[1]);
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(await countRows(stack, `select count(*) as n from scheduling.appointment where patient_id = $1`, [stack.seed.patientIds[1]])).toBe(1);
  });

  it('refuses a patient booking a staff-only type, and lets staff book it', async () => {
    const staffOnly = await openClinic(await stack.as('admin'), { durationMinutes: 30, policy: 'STAFF_ONLY' });
    expect(codeOf(await bookAs(maria, futureSlot(9, 18), undefined, staffOnly))).toBe('FORBIDDEN');
    expect((await bookAs(reception, futureSlot(9, 18), mariaId, staffOnly)).errors).toEqual([]);
  });

  it('lets a patient book an instant type for themselves only at a real slot, and see only their own', async () => {
    expect(codeOf(await bookAs(maria, futureSlot(9, 19, 10)))).toBe('BAD_USER_INPUT');
    const own = await bookAs(maria, futureSlot(9, 19));
    expect(own.data?.bookAppointment.status).toBe('CONFIRMED');
    const james = await stack.as({ email: 'james@example.com' });
    const peek = await james.request(`query A($id: ID!) { appointment(id: $id) { id } }`, { id: own.data!.bookAppointment.id });
    expect(codeOf(peek)).toBe('NOT_FOUND');
    expect(codeOf(await james.request(CANCEL, { id: own.data!.bookAppointment.id }))).toBe('NOT_FOUND');
    expect(codeOf(await move(maria, 'confirmAppointment', own.data!.bookAppointment.id))).toBe('FORBIDDEN');
    expect((await maria.request(CANCEL, { id: own.data!.bookAppointment.id, reason: 'Feeling better' })).errors).toEqual([]);
  });

  it('writes no event for a booking that fails', async () => {
    const slot = futureSlot(9, 20);
    expect((await bookAs(reception, slot, randomUUID())).errors).toEqual([]);
    const before = await countRows(stack, `select count(*) as n from events.log`);
    expect(codeOf(await bookAs(reception, slot, randomUUID()))).toBe('SLOT_TAKEN');
    expect(await countRows(stack, `select count(*) as n from events.log`)).toBe(before);
  });
});

describe('recurring series', () => {
  const SERIES = `mutation S($input: BookSeriesInput!) { bookSeries(input: $input) { id appointments { id startsAt } } }`;

  it('books every 2 weeks × 6 all at once, each occurrence movable alone', async () => {
    const patientId = randomUUID();
    const first = futureSlot(7, 16);
    const { bookSeries } = await reception.data<{ bookSeries: { appointments: { id: string; startsAt: string }[] } }>(SERIES, {
      input: { ...input(clinic, first, patientId), rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=6' },
    });
    expect(bookSeries.appointments).toHaveLength(6);
    const gaps = bookSeries.appointments.slice(1).map((a, i) => (Date.parse(a.startsAt) - Date.parse(bookSeries.appointments[i]!.startsAt)) / 86_400_000);
    // Wall-clock 11:00 in New York every 14 days: 14 days apart, ± one hour across a DST change.
    expect(gaps.every((g) => Math.abs(g - 14) <= 1 / 24)).toBe(true);
    const third = bookSeries.appointments[2]!;
    const moved = await reception.request(RESCHEDULE, { id: third.id, startsAt: new Date(Date.parse(third.startsAt) + 3_600_000).toISOString() });
    expect(moved.errors).toEqual([]);
    expect((await reception.request(CANCEL, { id: bookSeries.appointments[4]!.id })).errors).toEqual([]);
  });

  it('books nothing when any date is taken, and names the conflicting dates', async () => {
    const patientId = randomUUID();
    const today = localDate(Date.now(), NY);
    const first = new Date(localInstant(addDays(today, 8), 13 * 60, NY)).toISOString();
    const third = new Date(localInstant(addDays(today, 8 + 28), 13 * 60, NY)).toISOString();
    const blocker = await bookAs(reception, third, randomUUID());
    expect(blocker.errors).toEqual([]);
    const result = await reception.request(SERIES, { input: { ...input(clinic, first, patientId), rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=6' } });
    expect(codeOf(result)).toBe('SLOT_TAKEN');
    const conflicts = result.errors[0]?.extensions?.conflicts as { startsAt: string; reason: string }[];
    expect(conflicts.map((c) => [c.startsAt, c.reason])).toEqual([[third, 'PROVIDER_BUSY']]);
    expect(await countRows(stack, `select count(*) as n from scheduling.appointment where patient_id = $1`, [patientId])).toBe(0);
    expect(await countRows(stack, `select count(*) as n from scheduling.appointment_series where patient_id = $1`, [patientId])).toBe(0);
  });
});
