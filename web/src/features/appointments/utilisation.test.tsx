import { describe, expect, it } from 'vitest';
import { appointment, OKAFOR, WEBER } from '../../testing/fixtures.ts';
import { bookedMinutes, type ExceptionShape, type ScheduleShape, scheduledMinutes } from './utilisation.ts';

const gp: ScheduleShape = {
  provider: { id: OKAFOR.id },
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  active: true,
  rules: [
    { weekday: 2, startTime: '09:00', endTime: '17:00', breaks: [{ start: '12:30', end: '13:30' }], effectiveFrom: null, effectiveTo: null },
    { weekday: 6, startTime: '09:00', endTime: '12:00', breaks: [], effectiveFrom: null, effectiveTo: null },
  ],
};

describe('utilisation', () => {
  it('counts scheduled minutes by weekday, less breaks, with days off and extra sessions', () => {
    expect(scheduledMinutes(OKAFOR.id, '2026-11-24', [gp], [])).toBe(420);
    expect(scheduledMinutes(OKAFOR.id, '2026-11-28', [gp], [])).toBe(180);
    expect(scheduledMinutes(OKAFOR.id, '2026-11-25', [gp], [])).toBe(0);
    expect(scheduledMinutes(WEBER.id, '2026-11-24', [gp], [])).toBe(0);
    const off: ExceptionShape = { kind: 'TIME_OFF', provider: { id: OKAFOR.id }, startsAt: '2026-11-24T05:00:00Z', endsAt: '2026-11-25T05:00:00Z' };
    expect(scheduledMinutes(OKAFOR.id, '2026-11-24', [gp], [off])).toBe(0);
    const extra: ExceptionShape = { kind: 'EXTRA_SESSION', provider: { id: OKAFOR.id }, startsAt: '2026-11-24T23:00:00Z', endsAt: '2026-11-25T01:00:00Z' };
    expect(scheduledMinutes(OKAFOR.id, '2026-11-24', [gp], [extra])).toBe(540);
  });

  it('counts booked minutes of appointments that still hold their time', () => {
    const day = [appointment({ id: 'a' }), appointment({ id: 'b', at: '10:00', status: 'CANCELLED' }), appointment({ id: 'c', at: '11:00', provider: WEBER })];
    expect(bookedMinutes(OKAFOR.id, day)).toBe(20);
  });
});
