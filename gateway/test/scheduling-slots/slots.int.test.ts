import { randomUUID } from 'node:crypto';
import type { GqlClient } from '@clinigraph/kit/testing';
import { addDays, localDate, localInstant } from '@clinigraph/scheduling/domain/time';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { BOOK, type Clinic, networkWide, openClinic } from '../scheduling-booking/fixtures.ts';

let stack: TestStack;
let admin: GqlClient;
let reception: GqlClient;
const NY = 'America/New_York';

beforeAll(async () => {
  stack = await startTestStack();
  admin = await stack.as('admin');
  reception = await networkWide(stack, 'receptionist');
});
afterAll(() => stack?.stop());

const SLOTS = `query Slots($input: SlotSearchInput!, $first: Int, $after: String) {
  slots(input: $input, first: $first, after: $after) { edges { node { startsAt localDate provider { id } } } pageInfo { hasNextPage endCursor } }
}`;
type SlotPage = {
  slots: { edges: { node: { startsAt: string; localDate: string; provider: { id: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
};

const search = (c: Clinic, from: string, to: string, extra: Record<string, unknown> = {}, first = 100, after: string | null = null) =>
  reception.data<SlotPage>(SLOTS, { input: { typeId: c.typeId, facilityId: c.facilityId, from, to, ...extra }, first, after });
const times = (page: SlotPage) => page.slots.edges.map((e) => e.node.startsAt.slice(11, 16));

/** A local date `days` from today in New York that falls on ISO weekday `weekday`. */
function nextWeekday(weekday: number, days = 7): string {
  let d = addDays(localDate(Date.now(), NY), days);
  while (new Date(`${d}T12:00:00Z`).getUTCDay() !== weekday % 7) d = addDays(d, 1);
  return d;
}

describe('slot search through the gateway', () => {
  it('keeps wall-clock hours on both DST-change days of America/New_York', async () => {
    const clinic = await openClinic(admin, {
      rules: [
        { weekday: 7, startTime: '00:00', endTime: '04:00', slotMinutes: 30 },
        { weekday: 7, startTime: '09:00', endTime: '12:00', slotMinutes: 30 },
      ],
    });
    // 2027-03-14: clocks jump from 02:00 EST to 03:00 EDT. Three real hours overnight, six slots.
    expect(times(await search(clinic, '2027-03-14', '2027-03-14'))).toEqual([
      '05:00',
      '05:30',
      '06:00',
      '06:30',
      '07:00',
      '07:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
    ]);
    // 2027-11-07: clocks fall back from 02:00 EDT to 01:00 EST. Five real hours overnight, ten slots.
    expect(times(await search(clinic, '2027-11-07', '2027-11-07'))).toEqual([
      '04:00',
      '04:30',
      '05:00',
      '05:30',
      '06:00',
      '06:30',
      '07:00',
      '07:30',
      '08:00',
      '08:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
      '16:30',
    ]);
    // A Sunday on either side, for contrast: 09:00 is 14:00 UTC in winter and 13:00 UTC in summer.
    expect(times(await search(clinic, '2027-03-07', '2027-03-07')).slice(-6)[0]).toBe('14:00');
    expect(times(await search(clinic, '2027-11-14', '2027-11-14')).slice(-6)[0]).toBe('14:00');
    expect(times(await search(clinic, '2027-10-31', '2027-10-31')).slice(-6)[0]).toBe('13:00');
  });

  it('pages through every slot of several providers in time order, without repeats', async () => {
    const clinic = await openClinic(admin, {
      providers: 3,
      rules: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '09:00', endTime: '12:00', slotMinutes: 30 })),
    });
    const monday = nextWeekday(1);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const page: SlotPage = await search(clinic, monday, addDays(monday, 6), {}, 7, after);
      seen.push(...page.slots.edges.map((e) => `${e.node.startsAt}|${e.node.provider.id}`));
      if (!page.slots.pageInfo.hasNextPage) break;
      after = page.slots.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(3 * 5 * 6);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
  });

  it('leaves out bookings with their buffers, holidays, time off and breaks, and adds extra sessions', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const rules = [{ weekday: 2, startTime: '09:00', endTime: '13:00', slotMinutes: 30, breaks: [{ start: '11:00', end: '11:30' }] }];
    const clinic = await openClinic(admin, { providerIds: [a, b], rules, bufferAfterMinutes: 10 });
    const tuesday = nextWeekday(2);
    const nextTuesday = addDays(tuesday, 7);
    const at = (date: string, hhmm: string) => new Date(localInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), NY)).toISOString();
    const exception = (input: Record<string, unknown>) =>
      admin.data(`mutation E($input: ScheduleExceptionInput!) { addScheduleException(input: $input) { id } }`, { input });

    const base = await search(clinic, tuesday, tuesday, { providerIds: [a] });
    expect(base.slots.edges.map((e) => e.node.startsAt)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:30', '12:00', '12:30'].map((t) => at(tuesday, t)));

    await reception.data(BOOK, {
      input: { patientId: randomUUID(), providerId: a, facilityId: clinic.facilityId, typeId: clinic.typeId, startsAt: at(tuesday, '10:00') },
    });
    await exception({ kind: 'TIME_OFF', facilityId: clinic.facilityId, providerId: a, date: tuesday, startTime: '12:00', endTime: '13:00' });
    const afterBooking = await search(clinic, tuesday, tuesday, { providerIds: [a] });
    // 10:00–10:30 is booked, busy until 10:40 with its buffer: 10:30 overlaps that, and 09:30's own
    // 10 minutes after would reach 10:10. 12:00–13:00 is time off, 11:00–11:30 a break.
    expect(afterBooking.slots.edges.map((e) => e.node.startsAt)).toEqual(['09:00', '11:30'].map((t) => at(tuesday, t)));

    await exception({ kind: 'HOLIDAY', facilityId: clinic.facilityId, date: nextTuesday });
    const { schedules } = await admin.data<{ schedules: { id: string }[] }>(`query S($p: ID!) { schedules(providerId: $p) { id } }`, { p: b });
    await exception({ kind: 'EXTRA_SESSION', scheduleId: schedules[0]!.id, date: nextTuesday, startTime: '18:00', endTime: '19:00', slotMinutes: 30 });
    const holiday = await search(clinic, nextTuesday, nextTuesday);
    expect(holiday.slots.edges.map((e) => [e.node.provider.id, e.node.startsAt])).toEqual([
      [b, at(nextTuesday, '18:00')],
      [b, at(nextTuesday, '18:30')],
    ]);
  });

  it('finds the first available slot of each provider and filters by specialty', async () => {
    const [busy, free] = [randomUUID(), randomUUID()];
    const rules = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '09:00', endTime: '10:00', slotMinutes: 30 }));
    const clinic = await openClinic(admin, { providerIds: [busy, free], rules, specialty: 'Dentistry' });
    const day = addDays(localDate(Date.now(), NY), 3);
    for (const t of [9 * 60, 9 * 60 + 30]) {
      const startsAt = new Date(localInstant(day, t, NY)).toISOString();
      await reception.data(BOOK, { input: { patientId: randomUUID(), providerId: busy, facilityId: clinic.facilityId, typeId: clinic.typeId, startsAt } });
    }
    const { firstAvailableSlots } = await reception.data<{ firstAvailableSlots: { startsAt: string; provider: { id: string } }[] }>(
      `query F($input: SlotSearchInput!) { firstAvailableSlots(input: $input) { startsAt provider { id } } }`,
      { input: { typeId: clinic.typeId, specialty: 'dentistry', from: day } },
    );
    expect(firstAvailableSlots.map((s) => [s.provider.id, s.startsAt])).toEqual([
      [free, new Date(localInstant(day, 9 * 60, NY)).toISOString()],
      [busy, new Date(localInstant(addDays(day, 1), 9 * 60, NY)).toISOString()],
    ]);
    const other = await search(clinic, day, day, { specialty: 'Cardiology' });
    expect(other.slots.edges).toEqual([]);
  });

  it('refuses a range longer than 62 days', async () => {
    const clinic = await openClinic(admin);
    const result = await reception.request(SLOTS, { input: { typeId: clinic.typeId, from: '2027-01-01', to: '2027-04-01' } });
    expect(result.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
