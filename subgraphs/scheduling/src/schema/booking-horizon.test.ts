import { randomUUID } from 'node:crypto';
import { codeOf, type GqlClient, startTestSubgraph, type TestSubgraph, tokenFor } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOKING_HORIZON_DAYS } from '../domain/horizon.ts';
import { schema } from './index.ts';

let sub: TestSubgraph;
let staff: GqlClient;
const patientId = randomUUID();
const providerId = randomUUID();
const facilityId = randomUUID();
let typeId: string;

const DAY = 86_400_000;
/** A half-hour boundary `days` from now: a slot of the all-day schedule below. */
const slotIn = (days: number) => new Date(Math.ceil((Date.now() + days * DAY) / 1_800_000) * 1_800_000).toISOString();

const BOOK = 'mutation B($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }';
const SERIES = 'mutation S($input: BookSeriesInput!) { bookSeries(input: $input) { id } }';
const MOVE = 'mutation M($id: ID!, $startsAt: DateTime!) { rescheduleAppointment(id: $id, startsAt: $startsAt) { id } }';

beforeAll(async () => {
  sub = await startTestSubgraph('scheduling', schema);
  staff = sub.client(await tokenFor({ userId: randomUUID(), roles: ['receptionist'] }));
  const { createAppointmentType } = await staff.data<{ createAppointmentType: { id: string } }>(
    `mutation { createAppointmentType(input: { code: "HZN", name: "Horizon", durationMinutes: 30, providerIds: ["${providerId}"] }) { id } }`,
  );
  typeId = createAppointmentType.id;
  await staff.data('mutation S($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }', {
    input: {
      providerId,
      facilityId,
      timezone: 'Europe/Berlin',
      effectiveFrom: '2026-01-01',
      rules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '00:00', endTime: '24:00', slotMinutes: 30 })),
    },
  });
});
afterAll(() => sub?.close());

const booking = (startsAt: string) => ({ input: { patientId, providerId, facilityId, typeId, startsAt } });
const appointmentCount = async () => (await sub.database.query<{ n: number }>('select count(*)::int as n from scheduling.appointment'))[0]!.n;
const issuesOf = (result: { errors: { extensions?: Record<string, any> }[] }) => result.errors[0]?.extensions?.issues;

describe('the schedule horizon', () => {
  it(`books up to ${BOOKING_HORIZON_DAYS} days ahead`, async () => {
    expect(codeOf(await staff.request(BOOK, booking(slotIn(BOOKING_HORIZON_DAYS - 1))))).toBeNull();
  });

  it('refuses a booking beyond the horizon or in the past, naming startsAt, and books nothing', async () => {
    const before = await appointmentCount();
    for (const [startsAt, message] of [
      ['2099-01-05T09:00:00.000Z', `must be at most ${BOOKING_HORIZON_DAYS} days ahead`],
      [slotIn(-2), 'must be in the future'],
    ] as const) {
      const result = await staff.request(BOOK, booking(startsAt));
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(issuesOf(result)).toEqual([{ path: 'startsAt', message }]);
    }
    expect(await appointmentCount()).toBe(before);
  });

  it('refuses moving an appointment beyond the horizon', async () => {
    const { bookAppointment } = await staff.data<{ bookAppointment: { id: string } }>(BOOK, booking(slotIn(3)));
    const moved = await staff.request(MOVE, { id: bookAppointment.id, startsAt: '2099-01-05T09:00:00.000Z' });
    expect(issuesOf(moved)).toEqual([{ path: 'startsAt', message: `must be at most ${BOOKING_HORIZON_DAYS} days ahead` }]);
  });

  it('refuses a series whose last date falls beyond the horizon, and books none of it', async () => {
    const before = await appointmentCount();
    const result = await staff.request(SERIES, { input: { ...booking(slotIn(10)).input, rrule: 'FREQ=MONTHLY;COUNT=14' } });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(issuesOf(result)).toEqual([{ path: 'rrule', message: expect.stringContaining(`${BOOKING_HORIZON_DAYS} days`) }]);
    expect(await appointmentCount()).toBe(before);
  });

  it('offers no slots past the horizon', async () => {
    const SLOTS = 'query($input: SlotSearchInput!) { slots(input: $input, first: 5) { nodes { startsAt } } }';
    const dayIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
    const search = (from: string) => staff.data<{ slots: { nodes: unknown[] } }>(SLOTS, { input: { typeId, providerIds: [providerId], from, to: from } });
    expect((await search(dayIn(30))).slots.nodes.length).toBeGreaterThan(0);
    expect((await search(dayIn(BOOKING_HORIZON_DAYS + 2))).slots.nodes).toEqual([]);
  });
});
