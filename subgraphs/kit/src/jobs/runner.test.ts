import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import type { JobDefinition } from './definition.ts';
import { jobRuns } from './records.ts';
import { createJobRunner } from './runner.ts';
import { dailyJob, workDone } from './testing.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

/** Calls runDue every `stepMinutes` from `from` to `to` and returns the periods that ran, with when. */
async function tickThrough(runner: ReturnType<typeof createJobRunner>, from: string, to: string, stepMinutes: number) {
  const ran: string[] = [];
  for (let ms = Date.parse(from); ms <= Date.parse(to); ms += stepMinutes * 60_000)
    for (const r of await runner.runDue(new Date(ms))) ran.push(`${r.period}@${new Date(ms).toISOString()}`);
  return ran;
}

describe('the job runner', () => {
  it('runs a daily job once per facility per local day, across both DST changes of its zone', async () => {
    const berlin = { id: randomUUID(), timeZone: 'Europe/Berlin' };
    const runner = createJobRunner('test', t.database, [dailyJob('dst', [berlin], '02:30')]);
    // From local midnight, every 30 minutes. Spring forward (30 March 2025): 02:30 never happens; the run comes at 03:00 CEST (01:00Z).
    expect(await tickThrough(runner, '2025-03-29T23:00:00Z', '2025-03-30T21:30:00Z', 30)).toEqual(['2025-03-30@2025-03-30T01:00:00.000Z']);
    // Fall back (26 October 2025): 02:30 happens twice (00:30Z and 01:30Z); one run.
    expect(await tickThrough(runner, '2025-10-25T22:00:00Z', '2025-10-26T22:30:00Z', 30)).toEqual(['2025-10-26@2025-10-26T00:30:00.000Z']);
    expect(await workDone(t.database, 'dst')).toBe(2);
    expect(await jobRuns(t.database, 'test.dst')).toEqual([
      expect.objectContaining({ scope: berlin.id, period: '2025-03-30', state: 'completed', attempts: 1 }),
      expect.objectContaining({ scope: berlin.id, period: '2025-10-26', state: 'completed', attempts: 1 }),
    ]);
    await runner.stop();
  });

  it('gives each facility its own local day, and schedules a facility added later from its next tick', async () => {
    const auckland = { id: randomUUID(), timeZone: 'Pacific/Auckland' };
    const lisbon = { id: randomUUID(), timeZone: 'Europe/Lisbon' };
    const facilities = [auckland];
    const runner = createJobRunner('test', t.database, [dailyJob('zones', facilities)]);
    const ran = async (iso: string) => (await runner.runDue(new Date(iso))).map((r) => [r.scope, r.period]);
    // 17:00Z on 14 January: 06:00 on the 15th in Auckland.
    expect(await ran('2025-01-14T17:00:00Z')).toEqual([[auckland.id, '2025-01-15']]);
    facilities.push(lisbon);
    // 17:00 on the 14th in Lisbon: past 06:00, so Lisbon's 14th runs at its first tick.
    expect(await ran('2025-01-14T17:01:00Z')).toEqual([[lisbon.id, '2025-01-14']]);
    // 06:00Z on the 15th: Lisbon's 15th is due; Auckland's 15th already ran.
    expect(await ran('2025-01-15T06:00:00Z')).toEqual([[lisbon.id, '2025-01-15']]);
    expect(await workDone(t.database, 'zones')).toBe(3);
    await runner.stop();
  });

  it('runs an interval job once per window for the whole database', async () => {
    let runs = 0;
    const every5: JobDefinition = { name: 'every5', schedule: { every: 5 * 60_000 }, run: async () => ({ runs: ++runs }) };
    const runner = createJobRunner('test', t.database, [every5]);
    const ran = await tickThrough(runner, '2025-02-01T08:00:00Z', '2025-02-01T08:14:00Z', 1);
    expect(ran).toEqual([
      '2025-02-01T08:00:00.000Z@2025-02-01T08:00:00.000Z',
      '2025-02-01T08:05:00.000Z@2025-02-01T08:05:00.000Z',
      '2025-02-01T08:10:00.000Z@2025-02-01T08:10:00.000Z',
    ]);
    expect((await jobRuns(t.database, 'test.every5')).map((r) => [r.scope, r.state, r.output])).toEqual([
      ['all', 'completed', { runs: 1 }],
      ['all', 'completed', { runs: 2 }],
      ['all', 'completed', { runs: 3 }],
    ]);
    await runner.stop();
  });

  it('runs a job by hand outside the queue, leaving no run recorded', async () => {
    const facility = { id: randomUUID(), timeZone: 'Asia/Kolkata' };
    const job = dailyJob('by-hand', [facility], '23:59');
    const runner = createJobRunner('test', t.database, [job]);
    await runner.runNow(job, new Date('2025-03-01T00:00:00Z'));
    expect(await workDone(t.database, 'by-hand')).toBe(1);
    expect(await jobRuns(t.database, 'test.by-hand')).toEqual([]);
  });

  it('refuses an interval its minute clock cannot keep, and a name its queue cannot take', () => {
    const run = async () => null;
    expect(() => createJobRunner('test', t.database, [{ name: 'fast', schedule: { every: 30_000 }, run }])).toThrow(/whole number of minutes/);
    expect(() => createJobRunner('test', t.database, [{ name: 'Not OK', schedule: { every: 60_000 }, run }])).toThrow(/lower-case/);
    expect(() => createJobRunner('test', t.database, [{ name: 'tick', schedule: { every: 60_000 }, run }])).toThrow(/test\.tick/);
  });
});
