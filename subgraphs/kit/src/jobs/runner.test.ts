import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../db/connect.ts';
import { emitEvent } from '../events.ts';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import type { JobDefinition, JobScope } from './definition.ts';
import { createJobRunner } from './runner.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

/** The job's work: one event per run, written in the transaction it is given. */
const record = (tx: Tx, job: string, scope: string, period: string) =>
  emitEvent(tx, { topic: `test.${job}`, entityType: 'JobRun', entityId: `${scope}/${period}` });

const count = async (sqlText: string, params: unknown[]) => Number((await t.database.query<{ n: string }>(sqlText, params))[0]!.n);
const workDone = (job: string) => count('select count(*) as n from events.log where topic = $1', [`test.${job}`]);
const claims = (job: string) => count('select count(*) as n from jobs.run where job = $1', [`test.${job}`]);

function dailyJob(name: string, scopes: JobScope[], dailyAt = '06:00'): JobDefinition {
  return {
    name,
    schedule: { dailyAt, scopes: async () => scopes },
    run: async ({ db, scope, period }) => record(db, name, scope!.id, period),
  };
}

/** Ticks runDue every `stepMinutes` from `from` to `to` and returns the periods that ran. */
async function tickThrough(runner: ReturnType<typeof createJobRunner>, from: string, to: string, stepMinutes: number) {
  const ran: string[] = [];
  for (let ms = Date.parse(from); ms <= Date.parse(to); ms += stepMinutes * 60_000)
    for (const r of await runner.runDue(new Date(ms))) if (!r.job.endsWith('prune-job-runs')) ran.push(`${r.period}@${new Date(ms).toISOString()}`);
  return ran;
}

describe('the job runner', () => {
  it('runs a daily job once per facility per local day, across both DST changes of its zone', async () => {
    const berlin = { id: randomUUID(), timeZone: 'Europe/Berlin' };
    const runner = createJobRunner('test', t.database, [dailyJob('dst', [berlin], '02:30')]);
    // From local midnight, every 30 minutes. Spring forward (30 March 2025): 02:30 never happens; the run comes at 03:00 CEST (01:00Z).
    expect(await tickThrough(runner, '2025-03-29T23:00:00Z', '2025-03-30T21:30:00Z', 30)).toEqual(['2025-03-30@2025-03-30T01:00:00.000Z']);
    expect(await claims('dst')).toBe(1);
    // Fall back (26 October 2025): 02:30 happens twice (00:30Z and 01:30Z); one run.
    expect(await tickThrough(runner, '2025-10-25T22:00:00Z', '2025-10-26T22:30:00Z', 30)).toEqual(['2025-10-26@2025-10-26T00:30:00.000Z']);
    expect(await workDone('dst')).toBe(2);
  });

  it('gives each facility its own local day', async () => {
    const auckland = { id: randomUUID(), timeZone: 'Pacific/Auckland' };
    const lisbon = { id: randomUUID(), timeZone: 'Europe/Lisbon' };
    const runner = createJobRunner('test', t.database, [dailyJob('zones', [auckland, lisbon])]);
    // 17:00Z on 14 January: 06:00 on the 15th in Auckland, 17:00 on the 14th in Lisbon.
    const first = await runner.runDue(new Date('2025-01-14T17:00:00Z'));
    expect(first.filter((r) => r.job === 'test.zones').map((r) => [r.scope, r.period])).toEqual([
      [auckland.id, '2025-01-15'],
      [lisbon.id, '2025-01-14'],
    ]);
    // 06:00Z on the 15th: Lisbon's 15th is due; Auckland's 15th already ran.
    const second = await runner.runDue(new Date('2025-01-15T06:00:00Z'));
    expect(second.filter((r) => r.job === 'test.zones').map((r) => [r.scope, r.period])).toEqual([[lisbon.id, '2025-01-15']]);
    expect(await workDone('zones')).toBe(3);
  });

  it('runs a period exactly once when 20 replicas tick at the same moment', async () => {
    const facility = { id: randomUUID(), timeZone: 'America/New_York' };
    const replicas = Array.from({ length: 20 }, (_, i) => createJobRunner('test', t.database, [dailyJob('race', [facility])], { runnerId: `replica-${i}` }));
    const now = new Date('2025-06-02T12:00:00Z');
    const reports = (await Promise.all(replicas.map((r) => r.runDue(now)))).flat().filter((r) => r.job === 'test.race');
    expect(reports).toEqual([{ job: 'test.race', scope: facility.id, period: '2025-06-02', ok: true, result: expect.anything() }]);
    expect(await workDone('race')).toBe(1);
    expect(await claims('race')).toBe(1);
    const [row] = await t.database.query<{ claimed_by: string; finished_at: Date | null }>('select claimed_by, finished_at from jobs.run where job = $1', [
      'test.race',
    ]);
    expect(row?.claimed_by).toMatch(/^replica-\d+$/);
    expect(row?.finished_at).not.toBeNull();
  });

  it('rolls a failed with-work run back with its claim, so the next tick runs it again', async () => {
    const facility = { id: randomUUID(), timeZone: 'UTC' };
    let attempts = 0;
    const flaky: JobDefinition = {
      name: 'flaky',
      schedule: { dailyAt: '00:00', scopes: async () => [facility] },
      run: async ({ db, scope, period }) => {
        await record(db, 'flaky', scope!.id, period);
        if (++attempts === 1) throw new Error('crashed half way');
      },
    };
    const runner = createJobRunner('test', t.database, [flaky]);
    const now = new Date('2025-02-01T08:00:00Z');
    expect((await runner.runDue(now)).filter((r) => r.job === 'test.flaky')).toEqual([expect.objectContaining({ ok: false })]);
    expect(await workDone('flaky')).toBe(0);
    expect(await claims('flaky')).toBe(0);
    expect((await runner.runDue(now)).filter((r) => r.job === 'test.flaky')).toEqual([expect.objectContaining({ ok: true })]);
    expect(await runner.runDue(now)).toEqual([]);
    expect(await workDone('flaky')).toBe(1);
  });

  it('keeps a before-work claim when the run fails, and runs interval jobs once per window', async () => {
    let runs = 0;
    const mailer: JobDefinition = {
      name: 'mailer',
      schedule: { every: 60_000 },
      claim: 'before-work',
      run: async () => {
        if (++runs === 1) throw new Error('mail server down');
      },
    };
    const runner = createJobRunner('test', t.database, [mailer]);
    const now = Date.parse('2025-02-01T08:00:10Z');
    expect((await runner.runDue(new Date(now))).find((r) => r.job === 'test.mailer')).toMatchObject({ ok: false, period: '2025-02-01T08:00:00.000Z' });
    expect((await runner.runDue(new Date(now + 30_000))).find((r) => r.job === 'test.mailer')).toBeUndefined();
    expect((await runner.runDue(new Date(now + 60_000))).find((r) => r.job === 'test.mailer')).toMatchObject({ ok: true, period: '2025-02-01T08:01:00.000Z' });
    expect(runs).toBe(2);
    expect(await claims('mailer')).toBe(2);
  });

  it('runs a job by hand without claiming, and prunes its own week-old claims', async () => {
    const facility = { id: randomUUID(), timeZone: 'Asia/Kolkata' };
    const job = dailyJob('by-hand', [facility], '23:59');
    const runner = createJobRunner('test', t.database, [job]);
    await runner.runNow(job, new Date('2025-03-01T00:00:00Z'));
    expect(await workDone('by-hand')).toBe(1);
    expect(await claims('by-hand')).toBe(0);

    const before = await count("select count(*) as n from jobs.run where job like 'test.%'", []);
    expect(before).toBeGreaterThan(0);
    const reports = await runner.runDue(new Date('2026-06-01T00:00:00Z'));
    expect(reports.find((r) => r.job === 'test.prune-job-runs')).toMatchObject({ ok: true, result: { deleted: before } });
    expect(await count("select count(*) as n from jobs.run where job like 'test.%' and job <> 'test.prune-job-runs'", [])).toBe(0);
  });
});
