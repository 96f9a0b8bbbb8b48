import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayWindow,
  formatDate,
  formatDayOf,
  formatDayRange,
  formatMoney,
  formatTime,
  formatZonedDateTime,
  formatZonedTime,
  localDate,
  parseMoney,
  withZone,
  zonedInstant,
  zoneLabel,
} from './format.ts';

describe('formatting', () => {
  it('turns minor units into money and typed amounts back, never through floats', () => {
    expect(formatMoney(12345, 'USD')).toBe('$123.45');
    expect(formatMoney(500, 'JPY')).toBe('¥500');
    expect(parseMoney('12.5', 'USD')).toBe(1250);
    expect(parseMoney('0.29', 'USD')).toBe(29);
    expect(parseMoney('12.345', 'USD')).toBeNull();
    expect(parseMoney('abc', 'USD')).toBeNull();
    expect(parseMoney('500', 'JPY')).toBe(500);
    expect(parseMoney('21474836.47', 'USD')).toBe(2_147_483_647);
    expect(parseMoney('999999999999', 'USD')).toBeNull();
  });

  it('works in the facility’s time zone, across midnight and DST', () => {
    expect(formatTime('2026-11-24T14:00:00.000Z', 'America/New_York')).toBe('09:00 AM');
    expect(localDate(new Date('2026-11-24T03:00:00.000Z'), 'America/New_York')).toBe('2026-11-23');
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    const { from, to } = dayWindow('2026-11-24');
    expect(Date.parse(from)).toBeLessThanOrEqual(Date.parse('2026-11-24T00:00:00+14:00'));
    expect(Date.parse(to)).toBeGreaterThanOrEqual(Date.parse('2026-11-25T00:00:00-12:00'));
    expect(formatDayOf('2026-12-01T02:00:00.000Z', 'America/New_York')).toBe(formatDate('2026-11-30'));
  });

  it('turns facility-local days into instants and back, so a window of Dec 1–5 reads Dec 1–5 in the clinic', () => {
    expect(zonedInstant('2026-12-01', '00:00:00', 'America/New_York')).toBe('2026-12-01T05:00:00.000Z');
    expect(zonedInstant('2026-07-01', '23:59:59', 'America/New_York')).toBe('2026-07-02T03:59:59.000Z');
    expect(zonedInstant('2026-03-29', '12:00:00', 'Europe/Berlin')).toBe('2026-03-29T10:00:00.000Z');
    const [from, to] = [zonedInstant('2026-12-01', '00:00:00', 'America/New_York'), zonedInstant('2026-12-05', '23:59:59', 'America/New_York')];
    expect(formatDayRange(from, to, 'America/New_York')).toBe(`${formatDate('2026-12-01')} – ${formatDate('2026-12-05')}`);
    expect(formatDayRange(from, from, 'America/New_York')).toBe(formatDate('2026-12-01'));
  });

  it("labels the facility's zone only when its clock differs from the reader's", () => {
    const at = new Date('2026-12-01T12:00:00Z');
    expect(zoneLabel('America/New_York', at, 'Europe/London')).toBe('New York time');
    expect(zoneLabel('America/New_York', at, 'America/New_York')).toBe('');
    expect(zoneLabel('Europe/Lisbon', at, 'Europe/London')).toBe('');
    expect(zoneLabel(null, at, 'Europe/London')).toBe('');
  });

  it("names the facility's zone beside a time, or a heading over times, only for a reader whose clock differs", () => {
    const readerZone = process.env.TZ;
    try {
      process.env.TZ = 'Europe/London';
      expect(formatZonedTime('2026-12-01T14:00:00Z', 'America/New_York')).toBe('09:00 AM (New York time)');
      expect(formatZonedDateTime('2026-12-01T14:00:00Z', 'America/New_York')).toBe('Dec 1, 2026, 9:00 AM (New York time)');
      expect(withZone('When', 'America/New_York')).toBe('When (New York time)');
      expect(withZone('When', 'Europe/London')).toBe('When');
      process.env.TZ = 'America/New_York';
      expect(formatZonedTime('2026-12-01T14:00:00Z', 'America/New_York')).toBe('09:00 AM');
      expect(withZone('When', 'America/New_York')).toBe('When');
    } finally {
      if (readerZone === undefined) delete process.env.TZ;
      else process.env.TZ = readerZone;
    }
  });
});
