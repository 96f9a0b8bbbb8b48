import { randomUUID } from 'node:crypto';
import { codeOf, type GqlClient, startTestSubgraph, type TestSubgraph, tokenFor } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from './index.ts';

let sub: TestSubgraph;
let admin: GqlClient;
let scheduleId: string;
const providerId = randomUUID();
const facilityId = randomUUID();

const UPDATE = 'mutation U($id: ID!, $input: UpdateScheduleInput!) { updateSchedule(id: $id, input: $input) { id effectiveTo rules { weekday startTime } } }';
const ADD = 'mutation A($input: ScheduleExceptionInput!) { addScheduleException(input: $input) { id kind startsAt endsAt } }';
const ZONE = 'mutation Z($f: ID!, $tz: String!) { setFacilityTimezone(facilityId: $f, timezone: $tz) { timezone } }';

const rule = (weekday: number, startTime = '09:00', endTime = '17:00', slotMinutes = 20) => ({ weekday, startTime, endTime, slotMinutes });

beforeAll(async () => {
  sub = await startTestSubgraph('scheduling', schema);
  admin = sub.client(await tokenFor({ userId: randomUUID(), roles: ['admin'] }));
  const created = await admin.data<{ createSchedule: { id: string } }>('mutation S($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }', {
    input: { providerId, facilityId, timezone: 'America/New_York', effectiveFrom: '2026-01-05', rules: [rule(1), rule(3)] },
  });
  scheduleId = created.createSchedule.id;
});
afterAll(() => sub?.close());

const issuesOf = (result: { errors?: readonly { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.issues;
const count = async (table: string) => (await sub.database.query<{ n: number }>(`select count(*)::int as n from scheduling.${table}`))[0]!.n;

/** Sends a request the API must refuse as BAD_USER_INPUT, and returns the field issues it names. */
async function refused(query: string, variables: Record<string, unknown>) {
  const result = await admin.request(query, variables);
  expect(codeOf(result)).toBe('BAD_USER_INPUT');
  return issuesOf(result);
}

describe('editing a schedule', () => {
  it('replaces the weekly sessions and sets the last day', async () => {
    const data = await admin.data<{ updateSchedule: { effectiveTo: string; rules: { weekday: number }[] } }>(UPDATE, {
      id: scheduleId,
      input: { effectiveTo: '2026-12-31', rules: [rule(2), rule(4, '13:00')] },
    });
    expect(data.updateSchedule.effectiveTo).toBe('2026-12-31');
    expect(data.updateSchedule.rules.map((r) => r.weekday).sort()).toEqual([2, 4]);
  });

  it('names the field of each mistake in words a person can act on, and changes nothing', async () => {
    const before = await count('schedule_rule');
    expect(await refused(UPDATE, { id: scheduleId, input: { effectiveFrom: '2026-06-01', effectiveTo: '2026-05-31' } })).toEqual([
      { path: 'effectiveTo', message: 'must not be before the first day' },
    ]);
    expect(await refused(UPDATE, { id: scheduleId, input: { rules: [rule(1), rule(1, '16:00', '18:00')] } })).toEqual([
      { path: 'rules.1.startTime', message: 'overlaps another session on Monday' },
    ]);
    expect(await refused(UPDATE, { id: scheduleId, input: { rules: [rule(1, '09:00', '17:00', 2)] } })).toEqual([
      { path: 'rules.0.slotMinutes', message: 'must be at least 5 minutes' },
    ]);
    expect(await refused(UPDATE, { id: scheduleId, input: { rules: [rule(1, '17:00', '09:00')] } })).toEqual([
      { path: 'rules.0.endTime', message: 'a session must end after it starts' },
    ]);
    expect(await refused(UPDATE, { id: scheduleId, input: { effectiveTo: '1800-01-01' } })).toEqual([
      { path: 'effectiveTo', message: 'must be between 1900-01-01 and 2200-12-31' },
    ]);
    expect(await count('schedule_rule')).toBe(before);
  });
});

describe('schedule exceptions', () => {
  it('records a holiday as the whole local day', async () => {
    const data = await admin.data<{ addScheduleException: { startsAt: string; endsAt: string } }>(ADD, {
      input: { kind: 'HOLIDAY', facilityId, date: '2026-12-25', reason: 'Christmas' },
    });
    expect(data.addScheduleException).toMatchObject({ startsAt: '2026-12-25T05:00:00.000Z', endsAt: '2026-12-26T05:00:00.000Z' });
  });

  it('names the field of each mistake, and records nothing', async () => {
    const before = await count('schedule_exception');
    const timeOff = { kind: 'TIME_OFF', facilityId, providerId, date: '2026-12-28' };
    expect(await refused(ADD, { input: { ...timeOff, providerId: null } })).toEqual([{ path: 'providerId', message: 'is required for time off' }]);
    expect(await refused(ADD, { input: { ...timeOff, endDate: '2026-12-27' } })).toEqual([{ path: 'endDate', message: 'must not be before the first day' }]);
    expect(await refused(ADD, { input: { ...timeOff, date: '1800-12-28' } })).toEqual([{ path: 'date', message: 'must be between 1900-01-01 and 2200-12-31' }]);
    expect(await refused(ADD, { input: { ...timeOff, reason: 'x'.repeat(301) } })).toEqual([{ path: 'reason', message: 'must be at most 300 characters' }]);
    expect(await refused(ADD, { input: { ...timeOff, startTime: '12:00', endTime: '11:00' } })).toEqual([
      { path: 'endTime', message: 'must be after the start' },
    ]);
    expect(await refused(ADD, { input: { kind: 'EXTRA_SESSION', scheduleId, date: '2026-12-29', startTime: '18:00' } })).toEqual([
      { path: 'endTime', message: 'is required for an extra session' },
      { path: 'slotMinutes', message: 'is required for an extra session' },
    ]);
    expect(await refused(ADD, { input: { kind: 'HOLIDAY', facilityId: randomUUID(), date: '2026-12-29' } })).toEqual([
      { path: 'facilityId', message: 'has no time zone in scheduling yet (set it, or create a schedule there first)' },
    ]);
    expect(await count('schedule_exception')).toBe(before);
  });

  it('refuses an unknown time zone on the zone field', async () => {
    expect(await refused(ZONE, { f: facilityId, tz: 'Mars/Olympus' })).toEqual([
      { path: 'timezone', message: 'is not an IANA time zone (e.g. Europe/Berlin)' },
    ]);
  });
});
