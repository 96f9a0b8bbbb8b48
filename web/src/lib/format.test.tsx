import { describe, expect, it } from 'vitest';
import { addDays, dayWindow, formatDate, formatDayOf, formatMoney, formatTime, humanize, localDate, parseMoney } from './format.ts';

describe('formatting', () => {
  it('turns minor units into money and typed amounts back, never through floats', () => {
    expect(formatMoney(12345, 'USD')).toBe('$123.45');
    expect(formatMoney(500, 'JPY')).toBe('¥500');
    expect(parseMoney('12.5', 'USD')).toBe(1250);
    expect(parseMoney('0.29', 'USD')).toBe(29);
    expect(parseMoney('12.345', 'USD')).toBeNull();
    expect(parseMoney('abc', 'USD')).toBeNull();
    expect(parseMoney('500', 'JPY')).toBe(500);
  });

  it('works in the facility’s time zone, across midnight and DST', () => {
    expect(formatTime('2026-11-24T14:00:00.000Z', 'America/New_York')).toBe('09:00 AM');
    expect(localDate(new Date('2026-11-24T03:00:00.000Z'), 'America/New_York')).toBe('2026-11-23');
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    const { from, to } = dayWindow('2026-11-24');
    expect(Date.parse(from)).toBeLessThanOrEqual(Date.parse('2026-11-24T00:00:00+14:00'));
    expect(Date.parse(to)).toBeGreaterThanOrEqual(Date.parse('2026-11-25T00:00:00-12:00'));
    expect(humanize('PARTLY_DISPENSED')).toBe('Partly dispensed');
    expect(formatDayOf('2026-12-01T02:00:00.000Z', 'America/New_York')).toBe(formatDate('2026-11-30'));
  });
});
