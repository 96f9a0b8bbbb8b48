import { describe, expect, it } from 'vitest';
import { duePeriod, periodOf } from './due.ts';

const daily = (dailyAt: string) => ({ dailyAt, scopes: async () => [] });
const at = (iso: string) => new Date(iso);

describe('a daily job in a facility time zone', () => {
  it('is due from its local time on, and its period is the local date', () => {
    const sixAm = daily('06:00');
    // Berlin is UTC+1 in January: 06:00 local is 05:00Z.
    expect(duePeriod(sixAm, at('2025-01-15T04:59:00Z'), 'Europe/Berlin')).toBeNull();
    expect(duePeriod(sixAm, at('2025-01-15T05:00:00Z'), 'Europe/Berlin')).toBe('2025-01-15');
    expect(duePeriod(sixAm, at('2025-01-15T22:59:00Z'), 'Europe/Berlin')).toBe('2025-01-15');
    // UTC+2 in July: 06:00 local is 04:00Z.
    expect(duePeriod(sixAm, at('2025-07-15T03:59:00Z'), 'Europe/Berlin')).toBeNull();
    expect(duePeriod(sixAm, at('2025-07-15T04:00:00Z'), 'Europe/Berlin')).toBe('2025-07-15');
  });

  it('counts the day where the facility is, not in UTC', () => {
    // 17:00Z on the 14th is 06:00 on the 15th in Auckland (UTC+13 in January).
    expect(duePeriod(daily('06:00'), at('2025-01-14T17:00:00Z'), 'Pacific/Auckland')).toBe('2025-01-15');
    expect(duePeriod(daily('06:00'), at('2025-01-14T16:59:00Z'), 'Pacific/Auckland')).toBeNull();
    // 03:00Z on the 15th is still the evening of the 14th in Los Angeles (UTC-8); its 06:00 is 14:00Z.
    expect(duePeriod(daily('06:00'), at('2025-01-15T03:00:00Z'), 'America/Los_Angeles')).toBe('2025-01-14');
    expect(duePeriod(daily('06:00'), at('2025-01-15T13:59:00Z'), 'America/Los_Angeles')).toBeNull();
  });

  it('runs on a spring-forward day even when its wall-clock time does not exist', () => {
    // Berlin, 30 March 2025: 02:00 CET jumps to 03:00 CEST, so 02:30 never happens.
    const job = daily('02:30');
    expect(duePeriod(job, at('2025-03-30T00:59:59Z'), 'Europe/Berlin')).toBeNull();
    expect(duePeriod(job, at('2025-03-30T01:00:00Z'), 'Europe/Berlin')).toBe('2025-03-30');
  });

  it('keeps one period through the repeated hour of a fall-back day', () => {
    // New York, 2 November 2025: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    const job = daily('01:30');
    expect(duePeriod(job, at('2025-11-02T05:29:00Z'), 'America/New_York')).toBeNull();
    expect(duePeriod(job, at('2025-11-02T05:30:00Z'), 'America/New_York')).toBe('2025-11-02');
    expect(duePeriod(job, at('2025-11-02T06:30:00Z'), 'America/New_York')).toBe('2025-11-02');
    expect(periodOf(job, at('2025-11-02T03:59:00Z'), 'America/New_York')).toBe('2025-11-01');
  });

  it('rejects a malformed time and an unknown zone', () => {
    expect(() => duePeriod(daily('6am'), at('2025-01-15T12:00:00Z'), 'UTC')).toThrow(/HH:mm/);
    expect(() => duePeriod(daily('24:00'), at('2025-01-15T12:00:00Z'), 'UTC')).toThrow(/HH:mm/);
    expect(() => duePeriod(daily('06:00'), at('2025-01-15T12:00:00Z'), 'Mars/Olympus')).toThrow(/Unknown time zone/);
  });
});

describe('an interval job', () => {
  it('is always due, once per window aligned to the epoch', () => {
    const every5 = { every: 5 * 60_000 };
    expect(duePeriod(every5, at('2025-01-15T10:04:59Z'))).toBe('2025-01-15T10:00:00.000Z');
    expect(duePeriod(every5, at('2025-01-15T10:05:00Z'))).toBe('2025-01-15T10:05:00.000Z');
  });
});
