import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect, type Database } from '../db/connect.ts';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import type { JobDefinition } from './definition.ts';
import { jobRuns } from './records.ts';
import { createJobRunner } from './runner.ts';
import { dailyJob, recordWork, workDone } from './testing.ts';

let t: TestDatabase;
const pools: Database[] = [];
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  await t?.drop();
});

/**
 * One replica's connection: on PostgreSQL a pool of its own, as a separate process would have; on PGlite
 * the one embedded database (only one process can open it, so replicas there share it).
 */
async function replicaDatabase(): Promise<Database> {
  if (!t.url) return t.database;
  const pool = await connect({ url: t.url, max: 2 });
  pools.push(pool);
  return pool;
}

const replicas = (n: number, jobs: JobDefinition[], options?: Parameters<typeof createJobRunner>[3]) =>
  Promise.all(Array.from({ length: n }, async () => createJobRunner('test', await replicaDatabase(), jobs, options)));

describe('jobs across replicas', () => {
  it('runs a due run exactly once when 20 replicas find it due at the same moment', async () => {
    const facility = { id: randomUUID(), timeZone: 'America/New_York' };
    const runners = await replicas(20, [dailyJob('race', [facility])]);
    const reports = (await Promise.all(runners.map((r) => r.runDue(new Date('2025-06-02T12:00:00Z'))))).flat();
    expect(reports).toEqual([{ job: 'test.race', scope: facility.id, period: '2025-06-02', ok: true, result: expect.anything() }]);
    expect(await workDone(t.database, 'race')).toBe(1);
    expect(await jobRuns(t.database, 'test.race')).toEqual([
      expect.objectContaining({ scope: facility.id, period: '2025-06-02', state: 'completed', attempts: 1 }),
    ]);
    // Later ticks the same local day find the run done, in every replica.
    const later = (await Promise.all(runners.map((r) => r.runDue(new Date('2025-06-02T20:00:00Z'))))).flat();
    expect(later).toEqual([]);
    await Promise.all(runners.map((r) => r.stop()));
  });

  it("started, three replicas run each window of an interval job once, on pg-boss's cron and workers alone", async () => {
    let runs = 0;
    const clock: JobDefinition = {
      name: 'clock',
      schedule: { every: 60_000 },
      run: async ({ db, period }) => {
        runs++;
        return recordWork(db, 'clock', 'all', period);
      },
    };
    // pg-boss's cron monitor looks every second here (30 s in production); its tick stays once a minute.
    const runners = await replicas(3, [clock], { timing: { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 } });
    await Promise.all(runners.map((r) => r.start()));
    await vi.waitFor(async () => expect(await workDone(t.database, 'clock')).toBeGreaterThan(0), { timeout: 25_000, interval: 250 });
    // A few more seconds of every replica's cron monitor and workers looking: nothing runs twice.
    await sleep(3_000);
    await Promise.all(runners.map((r) => r.stop()));
    const records = await jobRuns(t.database, 'test.clock');
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.scope === 'all' && r.state === 'completed' && r.attempts === 1)).toBe(true);
    expect(new Set(records.map((r) => r.period)).size).toBe(records.length);
    expect(await workDone(t.database, 'clock')).toBe(records.length);
    expect(runs).toBe(records.length);
  }, 40_000);
});
