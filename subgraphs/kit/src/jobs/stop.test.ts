import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import type { JobDefinition } from './definition.ts';
import { jobRuns } from './records.ts';
import { createJobRunner } from './runner.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

/**
 * A job whose run takes `ms`, started on pg-boss's cron and workers; resolves once a run has begun. Each
 * test is its own subgraph (`service`): a subgraph's clock ticks once a minute, and each test needs a tick.
 */
async function startSlowJob(service: string, ms: number) {
  let begun = false;
  const slow: JobDefinition = {
    name: 'slow',
    schedule: { every: 60_000 },
    claim: 'before-work',
    run: async () => {
      begun = true;
      await sleep(ms);
      return { slept: ms };
    },
  };
  const runner = createJobRunner(service, t.database, [slow], { timing: { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 } });
  await runner.start();
  await vi.waitFor(() => expect(begun).toBe(true), { timeout: 25_000, interval: 100 });
  return runner;
}

describe('stopping the job runner', () => {
  it('lets a running run finish within the grace period and records it completed', async () => {
    const runner = await startSlowJob('finishes', 1_500);
    await runner.stop(10_000);
    expect(await jobRuns(t.database, 'finishes.slow')).toEqual([expect.objectContaining({ state: 'completed', attempts: 1, output: { slept: 1_500 } })]);
  }, 40_000);

  it('fails a run still going after the grace period, so another replica retries it', async () => {
    const runner = await startSlowJob('cut-short', 4_000);
    const stopping = Date.now();
    await runner.stop(1_000);
    expect(Date.now() - stopping).toBeLessThan(3_000);
    expect(await jobRuns(t.database, 'cut-short.slow')).toEqual([expect.objectContaining({ state: 'retry', attempts: 1 })]);
    // The run itself goes on until it ends; nothing it does after the stop reaches the queue.
    await sleep(3_500);
    expect(await jobRuns(t.database, 'cut-short.slow')).toEqual([expect.objectContaining({ state: 'retry', attempts: 1 })]);
  }, 40_000);
});
