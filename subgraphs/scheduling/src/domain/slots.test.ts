import { describe, expect, it } from 'vitest';
import { isFree, type ScheduleSpec, scheduleSlots } from './slots.ts';

const NY = 'America/New_York';
const rule = (weekday: number, startTime: string, endTime: string, slotMinutes = 30, breaks: { start: string; end: string }[] = []) => ({
  weekday,
  startTime,
  endTime,
  slotMinutes,
  breaks,
  effectiveFrom: null,
  effectiveTo: null,
});
const schedule = (rules: ScheduleSpec['rules'], timezone = NY): ScheduleSpec => ({
  id: 's',
  providerId: 'p',
  facilityId: 'f',
  timezone,
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  rules,
});
const slotsOn = (spec: ScheduleSpec, date: string, duration = 30, extra: Partial<Parameters<typeof scheduleSlots>[0]> = {}) =>
  scheduleSlots({ schedule: spec, from: date, to: date, durationMinutes: duration, extraSessions: [], timeOff: [], holidays: [], ...extra }).map((s) =>
    new Date(s.start).toISOString().slice(11, 16),
  );

describe('slots across the DST changes of America/New_York', () => {
  // 2026-03-08 and 2026-11-01 are Sundays (ISO weekday 7).
  const sunday = schedule([rule(7, '00:00', '04:00'), rule(7, '09:00', '12:00')]);

  it('keeps wall-clock hours on the spring-forward day and skips the missing hour', () => {
    expect(slotsOn(sunday, '2026-03-07')).toEqual([]);
    // 00:00–02:00 EST (UTC-5), then the clock jumps to 03:00 EDT (UTC-4): three real hours, six slots.
    expect(slotsOn(sunday, '2026-03-08')).toEqual(['05:00', '05:30', '06:00', '06:30', '07:00', '07:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30']);
    // The week before, still EST: 09:00 local is 14:00 UTC.
    expect(slotsOn(sunday, '2026-03-01').slice(-6)).toEqual(['14:00', '14:30', '15:00', '15:30', '16:00', '16:30']);
  });

  it('keeps wall-clock hours on the fall-back day and offers the repeated hour twice', () => {
    // 00:00 EDT (04:00 UTC) to 04:00 EST (09:00 UTC): five real hours, ten slots, 01:00–02:00 local twice.
    expect(slotsOn(sunday, '2026-11-01')).toEqual([
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
    expect(slotsOn(sunday, '2026-10-25').slice(-6)).toEqual(['13:00', '13:30', '14:00', '14:30', '15:00', '15:30']);
  });

  it('moves a session start that falls in the spring gap forward by the gap', () => {
    // 02:30 does not exist on 2026-03-08; it becomes 03:30 EDT (07:30 UTC), leaving one 30-minute slot.
    const gap = schedule([rule(7, '02:30', '04:00')]);
    expect(slotsOn(gap, '2026-03-08')).toEqual(['07:30']);
  });
});

describe('slot grid, breaks and exceptions', () => {
  const monday = schedule([rule(1, '09:00', '12:00', 20, [{ start: '10:00', end: '10:40' }])]);

  it('steps the grid, fits the duration and skips breaks', () => {
    // 20-minute grid, 40-minute appointments: a slot must end by 12:00 and not touch 10:00–10:40.
    expect(slotsOn(monday, '2026-12-07', 40)).toEqual(['14:00', '14:20', '15:40', '16:00', '16:20']);
  });

  it('closes time off and holidays, but a holiday leaves extra sessions open', () => {
    const day = Date.parse('2026-12-07T05:00:00Z');
    const allDay = { start: day, end: day + 86_400_000 };
    const extraSessions = [{ start: Date.parse('2026-12-07T20:00:00Z'), end: Date.parse('2026-12-07T21:00:00Z'), slotMinutes: 30 }];
    expect(slotsOn(monday, '2026-12-07', 20, { holidays: [allDay], extraSessions })).toEqual(['20:00', '20:30']);
    expect(slotsOn(monday, '2026-12-07', 20, { timeOff: [allDay], extraSessions })).toEqual([]);
  });

  it('honours effective ranges of the schedule and of each rule', () => {
    const limited = { ...monday, effectiveTo: '2026-12-07', rules: [{ ...monday.rules[0]!, effectiveFrom: '2026-12-07' }] };
    expect(slotsOn(limited, '2026-11-30')).toHaveLength(0);
    expect(slotsOn(limited, '2026-12-07').length).toBeGreaterThan(0);
    expect(slotsOn(limited, '2026-12-14')).toHaveLength(0);
  });
});

describe('isFree applies buffers the way the exclusion constraint does', () => {
  const m = (hhmm: string) => Date.parse(`2027-01-04T${hhmm}:00Z`);
  const busy = [{ start: m('10:00'), end: m('10:40') }];

  it('rejects a slot whose buffered range touches a booking', () => {
    expect(isFree({ start: m('10:40'), end: m('11:00') }, 0, 0, busy)).toBe(true);
    expect(isFree({ start: m('10:40'), end: m('11:00') }, 5, 0, busy)).toBe(false);
    expect(isFree({ start: m('09:30'), end: m('10:00') }, 0, 0, busy)).toBe(true);
    expect(isFree({ start: m('09:30'), end: m('10:00') }, 0, 1, busy)).toBe(false);
    expect(isFree({ start: m('10:10'), end: m('10:20') }, 0, 0, busy)).toBe(false);
  });
});
