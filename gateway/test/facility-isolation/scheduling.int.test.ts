import { randomUUID } from 'node:crypto';
import { codeOf, type GqlClient, type GqlResult, gqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SecondFacility, secondFacility } from '../../src/testing/second-facility.ts';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { BOOK, CANCEL, CREATE_SCHEDULE, CREATE_TYPE, futureSlot, RESCHEDULE } from '../scheduling-booking/fixtures.ts';
import { collect, liveConnections } from '../scheduling-live/live-client.ts';

/**
 * Facility scoping in scheduling: the staff of facility A (the demo clinic) must not reach facility B's
 * appointments, schedules, exceptions, slots, waitlist, queue, notifications or live events by any path,
 * and cannot change them. Each refusal is NOT_FOUND, exactly as for a record that does not exist. B's
 * staff keep their own; the network admin sees both; patients keep booking at every facility.
 */
let stack: TestStack;
let B: SecondFacility;
let admin: GqlClient;
let reception: GqlClient;
let doctor: GqlClient;
let nurse: GqlClient;
let james: GqlClient;
let ofA: GqlClient[];
/** B's schedule, type, appointments and the rest, all made by B's own staff. */
const made = {
  typeId: '',
  scheduleId: '',
  exceptionId: '',
  appointmentId: '',
  checkedInId: '',
  entryId: '',
  offerId: '',
  queueDay: '',
  slot: '',
};

const MISSING = '00000000-0000-4000-8000-000000000000';
const range = { from: new Date(Date.now() - 300 * 86_400_000).toISOString(), to: new Date(Date.now() + 300 * 86_400_000).toISOString() };
const connect = liveConnections(() => stack.gateway.url);

const APPOINTMENT = 'query($id: ID!) { appointment(id: $id) { id reason status patient { id } } }';
const APPOINTMENTS = 'query($from: DateTime!, $to: DateTime!, $f: ID) { appointments(from: $from, to: $to, facilityId: $f) { id facility { id } } }';
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Appointment { id reason status }
  ... on Patient { id appointments { id } }
  ... on Facility { id }
  ... on Provider { id }
} }`;
const SCHEDULES = 'query($f: ID) { schedules(facilityId: $f) { id facility { id } } }';
const EXCEPTIONS = 'query($f: ID!, $from: Date!, $to: Date!) { scheduleExceptions(facilityId: $f, from: $from, to: $to) { id } }';
const SLOTS = 'query($input: SlotSearchInput!) { slots(input: $input, first: 5) { nodes { startsAt facility { id } } } }';
const FIRST = 'query($input: SlotSearchInput!) { firstAvailableSlots(input: $input) { startsAt facility { id } } }';
const WAITLIST = 'query($f: ID) { waitlist(facilityId: $f) { id facility { id } } }';
const NOTIFICATIONS = 'query($p: ID!) { notifications(patientId: $p) { id kind } }';
const QUEUE = 'query($p: ID!, $d: Date!) { queue(providerId: $p, day: $d) { token appointment { id } } }';
const CHANGED = `subscription($after: String, $f: ID) { appointmentChanged(after: $after, facilityId: $f) { kind appointment { id facility { id } } } }`;

/** The day's next bookable half hour in New York, at least an hour from now: check-in is open for it. */
function soonSlot(): string {
  const t = Math.ceil((Date.now() + 3_600_000) / 1_800_000) * 1_800_000;
  return new Date(t).toISOString();
}

const cursorNow = async () => String((await stack.db.database.query<{ id: string }>('select coalesce(max(id), 0)::text as id from events.log'))[0]!.id);

/** The refusal and the data a client gets for `query`, compared with what a missing id gets. */
async function expectNotFound(client: GqlClient, query: string, variables: Record<string, unknown>, missing?: Record<string, unknown>) {
  const answer = await client.request(query, variables);
  expect(codeOf(answer), JSON.stringify(answer.errors)).toBe('NOT_FOUND');
  expect(Object.values(answer.data ?? {}).every((v) => v == null)).toBe(true);
  if (missing) {
    const absent = await client.request(query, missing);
    expect(messages(answer)).toEqual(messages(absent));
  }
  return answer;
}
const messages = (r: GqlResult) => r.errors.map((e) => ({ message: e.message, code: e.extensions?.code }));

beforeAll(async () => {
  stack = await startTestStack();
  B = await secondFacility(stack);
  [admin, reception, doctor, nurse, james] = await Promise.all([
    stack.as('admin'),
    stack.as('receptionist'),
    stack.as('doctor'),
    stack.as('nurse'),
    stack.as({ email: 'james@example.com' }),
  ]);
  ofA = [reception, doctor, nurse];
  const rb = B.staff.receptionist;
  const { createAppointmentType } = await rb.data<{ createAppointmentType: { id: string } }>(CREATE_TYPE, {
    input: { code: `HIL_${Math.floor(Math.random() * 1e6)}`, name: 'Hillside visit', durationMinutes: 30, providerIds: [B.providerId] },
  });
  made.typeId = createAppointmentType.id;
  const rules = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '00:00', endTime: '24:00', slotMinutes: 30 }));
  const { createSchedule } = await rb.data<{ createSchedule: { id: string } }>(CREATE_SCHEDULE, {
    input: { providerId: B.providerId, facilityId: B.facilityId, timezone: 'America/New_York', specialty: 'Hillside', effectiveFrom: '2026-01-01', rules },
  });
  made.scheduleId = createSchedule.id;
  const { addScheduleException } = await rb.data<{ addScheduleException: { id: string } }>(
    'mutation($input: ScheduleExceptionInput!) { addScheduleException(input: $input) { id } }',
    { input: { kind: 'TIME_OFF', facilityId: B.facilityId, providerId: B.providerId, date: futureSlot(60).slice(0, 10), reason: 'Hillside leave' } },
  );
  made.exceptionId = addScheduleException.id;
  const book = async (startsAt: string, reason: string, patientId = B.patientId) =>
    (
      await rb.data<{ bookAppointment: { id: string } }>(BOOK, {
        input: { patientId, providerId: B.providerId, facilityId: B.facilityId, typeId: made.typeId, startsAt, reason },
      })
    ).bookAppointment.id;
  made.appointmentId = await book(futureSlot(5, 15), 'Hillside check-up');
  const soon = soonSlot();
  made.checkedInId = await book(soon, 'Hillside walk-in');
  await rb.data('mutation($id: ID!) { checkInAppointment(id: $id) { id } }', { id: made.checkedInId });
  made.queueDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date(soon));
  // A waitlist entry, and an offer with its notification: a booking in its window is cancelled.
  made.slot = futureSlot(9, 15);
  const { joinWaitlist } = await rb.data<{ joinWaitlist: { id: string } }>('mutation($input: JoinWaitlistInput!) { joinWaitlist(input: $input) { id } }', {
    input: { patientId: B.patientId, facilityId: B.facilityId, typeId: made.typeId, earliest: futureSlot(9, 0), latest: futureSlot(9, 23) },
  });
  made.entryId = joinWaitlist.id;
  const freed = await book(made.slot, 'Hillside freed', randomUUID());
  await rb.data(CANCEL, { id: freed, reason: 'Cannot come' });
  const { waitlist } = await rb.data<{ waitlist: { id: string; offers: { id: string; status: string }[] }[] }>(
    'query($f: ID) { waitlist(facilityId: $f) { id offers { id status } } }',
    { f: B.facilityId },
  );
  made.offerId = waitlist.find((e) => e.id === made.entryId)!.offers.find((o) => o.status === 'PENDING')!.id;
});
afterAll(() => stack?.stop());

describe("A's staff read nothing of B's scheduling", () => {
  it("B's appointment by id: NOT_FOUND, as for a missing one; B's staff and the network admin read it", async () => {
    for (const client of ofA) {
      const other = await expectNotFound(client, APPOINTMENT, { id: made.appointmentId }, { id: MISSING });
      expect(JSON.stringify(other)).not.toContain('Hillside');
    }
    for (const client of [B.staff.receptionist, B.staff.doctor, admin])
      expect((await client.data<{ appointment: { reason: string } }>(APPOINTMENT, { id: made.appointmentId })).appointment.reason).toBe('Hillside check-up');
  });

  it('lists and the day board: no row of B, with or without naming B', async () => {
    for (const client of ofA) {
      const all = await client.data<{ appointments: { id: string; facility: { id: string } }[] }>(APPOINTMENTS, range);
      expect(all.appointments.length).toBeGreaterThan(0);
      expect(all.appointments.filter((a) => a.facility.id === B.facilityId)).toEqual([]);
      expect((await client.data<{ appointments: unknown[] }>(APPOINTMENTS, { ...range, f: B.facilityId })).appointments).toEqual([]);
    }
    const own = await B.staff.receptionist.data<{ appointments: { id: string; facility: { id: string } }[] }>(APPOINTMENTS, range);
    expect(own.appointments.map((a) => a.id)).toEqual(expect.arrayContaining([made.appointmentId, made.checkedInId]));
    expect(own.appointments.every((a) => a.facility.id === B.facilityId)).toBe(true);
    const network = await admin.data<{ appointments: { facility: { id: string } }[] }>(APPOINTMENTS, range);
    expect(new Set(network.appointments.map((a) => a.facility.id))).toEqual(new Set([stack.seed.facilityId, B.facilityId]));
  });

  it("the scheduling subgraph's _entities, asked directly: B's Appointment is null and NOT_FOUND, B's patient has no appointments", async () => {
    const representations = [
      { __typename: 'Appointment', id: made.appointmentId },
      { __typename: 'Patient', id: B.patientId },
      { __typename: 'Facility', id: B.facilityId },
      { __typename: 'Provider', id: B.providerId },
    ];
    for (const client of ofA) {
      const direct = gqlClient(stack.subgraphs.scheduling!.url, client.token);
      const answer = await direct.request(ENTITIES, { r: representations });
      expect(codeOf(answer)).toBe('NOT_FOUND');
      expect(answer.data?._entities).toEqual([null, { id: B.patientId, appointments: [] }, { id: B.facilityId }, { id: B.providerId }]);
      expect(JSON.stringify(answer)).not.toContain('Hillside');
    }
    const ofB = gqlClient(stack.subgraphs.scheduling!.url, B.staff.receptionist.token);
    const theirs = await ofB.data<{ _entities: [{ reason: string }, { appointments: { id: string }[] }] }>(ENTITIES, { r: representations.slice(0, 2) });
    expect(theirs._entities[0].reason).toBe('Hillside check-up');
    expect(theirs._entities[1].appointments.map((a) => a.id)).toContain(made.appointmentId);
  });

  it("schedules and exceptions: B's are absent from lists, and B's exceptions are NOT_FOUND", async () => {
    const day = futureSlot(60).slice(0, 10);
    for (const client of ofA) {
      const { schedules } = await client.data<{ schedules: { id: string; facility: { id: string } }[] }>(SCHEDULES, {});
      expect(schedules.filter((s) => s.facility.id === B.facilityId)).toEqual([]);
      expect((await client.data<{ schedules: unknown[] }>(SCHEDULES, { f: B.facilityId })).schedules).toEqual([]);
      await expectNotFound(client, EXCEPTIONS, { f: B.facilityId, from: day, to: day });
    }
    expect((await B.staff.receptionist.data<{ schedules: { id: string }[] }>(SCHEDULES, { f: B.facilityId })).schedules.map((s) => s.id)).toEqual([
      made.scheduleId,
    ]);
    const theirs = await B.staff.receptionist.data<{ scheduleExceptions: { id: string }[] }>(EXCEPTIONS, { f: B.facilityId, from: day, to: day });
    expect(theirs.scheduleExceptions.map((e) => e.id)).toEqual([made.exceptionId]);
    expect((await admin.data<{ schedules: unknown[] }>(SCHEDULES, { f: B.facilityId })).schedules).toHaveLength(1);
  });

  it("slots: A's staff find none of B's; B's staff and every patient do", async () => {
    const from = futureSlot(20).slice(0, 10);
    for (const client of ofA) {
      for (const input of [
        { typeId: made.typeId, facilityId: B.facilityId, from },
        { typeId: made.typeId, from },
      ]) {
        expect((await client.data<{ slots: { nodes: unknown[] } }>(SLOTS, { input })).slots.nodes).toEqual([]);
        expect((await client.data<{ firstAvailableSlots: unknown[] }>(FIRST, { input })).firstAvailableSlots).toEqual([]);
      }
    }
    for (const client of [B.staff.receptionist, james, admin]) {
      const { slots } = await client.data<{ slots: { nodes: { facility: { id: string } }[] } }>(SLOTS, { input: { typeId: made.typeId, from } });
      expect(slots.nodes.length).toBeGreaterThan(0);
      expect(slots.nodes.every((s) => s.facility.id === B.facilityId)).toBe(true);
    }
  });

  it('waitlist, notifications and the day queue: nothing of B', async () => {
    for (const client of ofA) {
      const { waitlist } = await client.data<{ waitlist: { facility: { id: string } }[] }>(WAITLIST, {});
      expect(waitlist.filter((e) => e.facility.id === B.facilityId)).toEqual([]);
      expect((await client.data<{ waitlist: unknown[] }>(WAITLIST, { f: B.facilityId })).waitlist).toEqual([]);
      expect((await client.data<{ notifications: unknown[] }>(NOTIFICATIONS, { p: B.patientId })).notifications).toEqual([]);
      expect((await client.data<{ queue: unknown[] }>(QUEUE, { p: B.providerId, d: made.queueDay })).queue).toEqual([]);
    }
    const rb = B.staff.receptionist;
    expect((await rb.data<{ waitlist: { id: string }[] }>(WAITLIST, { f: B.facilityId })).waitlist.map((e) => e.id)).toEqual([made.entryId]);
    expect((await rb.data<{ notifications: { kind: string }[] }>(NOTIFICATIONS, { p: B.patientId })).notifications.map((n) => n.kind)).toContain(
      'waitlist_offer',
    );
    const { queue } = await rb.data<{ queue: { appointment: { id: string } }[] }>(QUEUE, { p: B.providerId, d: made.queueDay });
    expect(queue.map((q) => q.appointment.id)).toEqual([made.checkedInId]);
  });
});

describe("A's staff cannot change B's scheduling: NOT_FOUND", () => {
  it("moves of B's appointments", async () => {
    const id = made.appointmentId;
    const move = (field: string) => `mutation($id: ID!) { ${field}(id: $id, reason: "probe") { id status } }`;
    for (const field of ['confirmAppointment', 'cancelAppointment', 'checkInAppointment', 'markNoShow', 'undoNoShow'])
      await expectNotFound(reception, move(field), { id }, { id: MISSING });
    await expectNotFound(doctor, move('startAppointment'), { id: made.checkedInId }, { id: MISSING });
    await expectNotFound(nurse, move('completeAppointment'), { id: made.checkedInId }, { id: MISSING });
    await expectNotFound(reception, RESCHEDULE, { id, startsAt: futureSlot(6, 15) }, { id: MISSING, startsAt: futureSlot(6, 15) });
    const after = await B.staff.receptionist.data<{ appointment: { status: string } }>(APPOINTMENT, { id });
    expect(after.appointment.status).toBe('CONFIRMED');
  });

  it('booking, series and waitlist at B: NOT_FOUND for the facility; a patient books there', async () => {
    const input = { patientId: B.patientId, providerId: B.providerId, facilityId: B.facilityId, typeId: made.typeId, startsAt: futureSlot(11, 15) };
    const booked = await expectNotFound(reception, BOOK, { input });
    expect(booked.errors[0]?.message).toMatch(/Facility/);
    await expectNotFound(reception, 'mutation($input: BookSeriesInput!) { bookSeries(input: $input) { id } }', {
      input: { ...input, rrule: 'FREQ=WEEKLY;COUNT=2' },
    });
    await expectNotFound(reception, 'mutation($input: JoinWaitlistInput!) { joinWaitlist(input: $input) { id } }', {
      input: { patientId: B.patientId, facilityId: B.facilityId, typeId: made.typeId, earliest: futureSlot(12, 0), latest: futureSlot(12, 23) },
    });
    await expectNotFound(reception, 'mutation($id: ID!) { leaveWaitlist(id: $id) { id } }', { id: made.entryId }, { id: MISSING });
    for (const field of ['acceptWaitlistOffer', 'declineWaitlistOffer'])
      await expectNotFound(reception, `mutation($id: ID!) { ${field}(offerId: $id) { id } }`, { id: made.offerId }, { id: MISSING });
    const { bookAppointment } = await james.data<{ bookAppointment: { id: string } }>(BOOK, {
      input: { providerId: B.providerId, facilityId: B.facilityId, typeId: made.typeId, startsAt: futureSlot(13, 15) },
    });
    expect((await B.staff.receptionist.data<{ appointment: { id: string } }>(APPOINTMENT, { id: bookAppointment.id })).appointment.id).toBe(bookAppointment.id);
  });

  it("B's schedules, exceptions and time zone", async () => {
    const rules = [{ weekday: 1, startTime: '09:00', endTime: '12:00', slotMinutes: 30 }];
    await expectNotFound(reception, CREATE_SCHEDULE, {
      input: { providerId: randomUUID(), facilityId: B.facilityId, timezone: 'America/New_York', effectiveFrom: '2026-01-01', rules },
    });
    await expectNotFound(
      reception,
      'mutation($id: ID!) { updateSchedule(id: $id, input: { active: false }) { id } }',
      { id: made.scheduleId },
      { id: MISSING },
    );
    await expectNotFound(reception, 'mutation($input: ScheduleExceptionInput!) { addScheduleException(input: $input) { id } }', {
      input: { kind: 'HOLIDAY', facilityId: B.facilityId, date: futureSlot(30).slice(0, 10) },
    });
    await expectNotFound(reception, 'mutation($id: ID!) { removeScheduleException(id: $id) }', { id: made.exceptionId }, { id: MISSING });
    await expectNotFound(reception, 'mutation($f: ID!) { setFacilityTimezone(facilityId: $f, timezone: "Europe/Berlin") { timezone } }', {
      f: B.facilityId,
    });
    const { schedules } = await B.staff.receptionist.data<{ schedules: { id: string; timezone: string }[] }>(
      'query($f: ID) { schedules(facilityId: $f) { id timezone } }',
      { f: B.facilityId },
    );
    expect(schedules).toEqual([{ id: made.scheduleId, timezone: 'America/New_York' }]);
  });
});

describe('live appointment changes follow the facility', () => {
  it("A's staff do not receive B's booking, B's staff and the network admin do; every event carries its facility", async () => {
    const after = await cursorNow();
    const ofALive = ofA.map((client) => collect(connect(client), CHANGED, { after }));
    const ofBLive = collect(connect(B.staff.receptionist), CHANGED, { after });
    const network = collect(connect(admin), CHANGED, { after, f: B.facilityId });
    const { bookAppointment } = await B.staff.receptionist.data<{ bookAppointment: { id: string } }>(BOOK, {
      input: { patientId: B.patientId, providerId: B.providerId, facilityId: B.facilityId, typeId: made.typeId, startsAt: futureSlot(15, 15) },
    });
    await ofBLive.waitFor(1);
    await network.waitFor(1);
    expect(ofBLive.results[0]?.data).toEqual({
      appointmentChanged: { kind: 'BOOKED', appointment: { id: bookAppointment.id, facility: { id: B.facilityId } } },
    });
    expect(network.results[0]?.data?.appointmentChanged.appointment.id).toBe(bookAppointment.id);
    await Promise.all(ofALive.map((live) => live.settle(300)));
    for (const live of ofALive) expect(live.results).toEqual([]);
    const events = await stack.db.database.query<{ facility_id: string | null }>(
      `select facility_id from events.log where entity_id = $1 and topic = 'appointment.changed'`,
      [bookAppointment.id],
    );
    expect(events.map((e) => e.facility_id)).toEqual([B.facilityId]);
  });

  it("naming B's facility in a subscription is NOT_FOUND; its event is NOT_FOUND when asked for directly", async () => {
    const named = collect(connect(reception), CHANGED, { f: B.facilityId });
    await named.settle(300);
    expect(JSON.stringify(named.results.concat(named.failures as never[]))).toContain('NOT_FOUND');
    const [event] = await stack.db.database.query<{ id: string }>(
      `select id::text from events.log where entity_id = $1 and topic = 'appointment.changed' order by id limit 1`,
      [made.appointmentId],
    );
    const EVENT = 'query($id: ID!) { appointmentEvent(id: $id) { kind appointment { id } } }';
    for (const client of ofA) await expectNotFound(client, EVENT, { id: event!.id });
    expect((await B.staff.receptionist.data<{ appointmentEvent: { kind: string } }>(EVENT, { id: event!.id })).appointmentEvent.kind).toBe('BOOKED');
    const [queued] = await stack.db.database.query<{ id: string; facility_id: string }>(
      `select id::text, facility_id from events.log where entity_id = $1 and topic = 'queue.changed' order by id limit 1`,
      [`${B.providerId}|${made.queueDay}`],
    );
    expect(queued?.facility_id).toBe(B.facilityId);
    await expectNotFound(reception, 'query($id: ID!) { queueEvent(id: $id) { day } }', { id: queued!.id });
  });
});
