import { hostname } from 'node:os';
import { and, eq, like, lt } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/connect.ts';
import { jobRun } from '../db/schema.ts';
import { log } from '../log.ts';
import { recordJobRun } from '../metrics/jobs.ts';
import { secondsSince } from '../metrics/registry.ts';
import type { JobDefinition, JobScope } from './definition.ts';
import { duePeriod, minutesOfDay, periodOf } from './due.ts';

/*
 * Hand-rolled on purpose: pg-boss and graphile-worker need a node-postgres connection, which the
 * embedded PGlite mode (`npm start`, the tests) does not have. A claim row per run does the one thing
 * they would add here (exactly once across replicas) on both drivers.
 */

/** The scope of interval jobs, which run once for the whole database. */
export const WHOLE_DATABASE = 'all';
const RETENTION_DAYS = 7;

export interface JobRunReport {
  job: string;
  scope: string;
  period: string;
  ok: boolean;
  result?: unknown;
}

export interface JobRunner {
  /** Claims and runs every run due at `now` that no process has claimed yet; returns the runs this call made. */
  runDue(now?: Date): Promise<JobRunReport[]>;
  /** Runs one of its jobs now for each of its scopes without claiming a period (a by-hand run); returns each run's result. */
  runNow<J extends JobDefinition>(job: J, now?: Date): Promise<Awaited<ReturnType<J['run']>>[]>;
  /** Ticks runDue on a timer (the first tick at once) until stop(). */
  start(): void;
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  /** How often the timer calls runDue (default: half the shortest interval, at most 30 s, at least 1 s). */
  tickMs?: number;
  /** Names this process in the claim rows (default host:pid). */
  runnerId?: string;
}

type Key = { job: string; scope: string; period: string };

async function claim(db: DbOrTx, key: Key, runnerId: string, now: Date): Promise<boolean> {
  const rows = await db
    .insert(jobRun)
    .values({ ...key, claimedBy: runnerId, claimedAt: now })
    .onConflictDoNothing()
    .returning({ job: jobRun.job });
  return rows.length > 0;
}

const keyIs = (key: Key) => and(eq(jobRun.job, key.job), eq(jobRun.scope, key.scope), eq(jobRun.period, key.period));

/** A subgraph's runner also prunes its own week-old claim rows, as a job of its own. */
function pruneJob(service: string): JobDefinition {
  return {
    name: 'prune-job-runs',
    schedule: { every: 6 * 3_600_000 },
    run: async ({ db, now }) => {
      const cutoff = new Date(now.getTime() - RETENTION_DAYS * 86_400_000);
      const gone = await db
        .delete(jobRun)
        .where(and(like(jobRun.job, `${service}.%`), lt(jobRun.claimedAt, cutoff)))
        .returning({ job: jobRun.job });
      return { deleted: gone.length };
    },
  };
}

export function createJobRunner(service: string, database: Database, jobs: JobDefinition[], options: JobRunnerOptions = {}): JobRunner {
  const names = new Set<string>();
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`${service}: two jobs are named ${job.name}`);
    names.add(job.name);
    if ('dailyAt' in job.schedule) minutesOfDay(job.schedule.dailyAt);
    else if (!(job.schedule.every >= 1000)) throw new Error(`${service}.${job.name}: an interval must be at least 1000 ms`);
  }
  // A subgraph without jobs has no claim rows to prune and starts no timer.
  const all = jobs.length ? [...jobs, pruneJob(service)] : [];
  const runnerId = options.runnerId ?? `${hostname()}:${process.pid}`;
  const intervals = all.flatMap((j) => ('every' in j.schedule ? [j.schedule.every / 2] : []));
  const tickMs = options.tickMs ?? Math.max(1000, Math.min(30_000, ...intervals));

  const scopesOf = (job: JobDefinition): Promise<(JobScope | null)[]> => ('every' in job.schedule ? Promise.resolve([null]) : job.schedule.scopes(database.db));

  const execute = async (job: JobDefinition, scope: JobScope | null, period: string, now: Date, key: Key | null) => {
    if (job.claim === 'before-work') {
      if (key && !(await claim(database.db, key, runnerId, now))) return { ran: false };
      const result = await job.run({ db: database.db, now, period, scope });
      if (key) await database.db.update(jobRun).set({ finishedAt: new Date() }).where(keyIs(key));
      return { ran: true, result };
    }
    return database.db.transaction(async (tx) => {
      if (key && !(await claim(tx, key, runnerId, now))) return { ran: false };
      const result = await job.run({ db: tx, now, period, scope });
      if (key) await tx.update(jobRun).set({ finishedAt: new Date() }).where(keyIs(key));
      return { ran: true, result };
    });
  };

  const runOne = async (job: JobDefinition, scope: JobScope | null, now: Date): Promise<JobRunReport | null> => {
    const qualified = `${service}.${job.name}`;
    let period: string | null;
    try {
      period = duePeriod(job.schedule, now, scope?.timeZone);
    } catch (err) {
      log.error({ err, job: qualified, scope: scope?.id }, 'job scope skipped');
      return null;
    }
    if (!period) return null;
    const key = { job: qualified, scope: scope?.id ?? WHOLE_DATABASE, period };
    // Most ticks find the run done long ago: answer that without opening a transaction.
    const [done] = await database.db.select({ job: jobRun.job }).from(jobRun).where(keyIs(key));
    if (done) return null;
    const start = performance.now();
    try {
      const outcome = await execute(job, scope, period, now, key);
      if (outcome.ran) recordJobRun(qualified, true, secondsSince(start));
      return outcome.ran ? { ...key, ok: true, result: outcome.result } : null;
    } catch (err) {
      log.error({ err, ...key }, 'job run failed');
      recordJobRun(qualified, false, secondsSince(start));
      return { ...key, ok: false };
    }
  };

  const runDue = async (now = new Date()): Promise<JobRunReport[]> => {
    const reports: JobRunReport[] = [];
    for (const job of all) {
      let scopes: (JobScope | null)[];
      try {
        scopes = await scopesOf(job);
      } catch (err) {
        log.error({ err, job: `${service}.${job.name}` }, 'job scopes unavailable; retried next tick');
        continue;
      }
      for (const scope of scopes) {
        const report = await runOne(job, scope, now);
        if (report) reports.push(report);
      }
    }
    return reports;
  };

  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<unknown> | null = null;
  const tick = () => {
    if (ticking) return;
    ticking = runDue()
      .catch((err) => log.error({ err, service }, 'job tick failed'))
      .finally(() => {
        ticking = null;
      });
  };

  return {
    runDue,
    runNow: async <J extends JobDefinition>(job: J, now = new Date()) => {
      if (!all.includes(job)) throw new Error(`${service} does not run the job ${job.name}`);
      const results: Awaited<ReturnType<J['run']>>[] = [];
      for (const scope of await scopesOf(job)) {
        const { result } = await execute(job, scope, periodOf(job.schedule, now, scope?.timeZone), now, null);
        results.push(result as Awaited<ReturnType<J['run']>>);
      }
      return results;
    },
    start: () => {
      if (timer || !all.length) return;
      timer = setInterval(tick, tickMs);
      timer.unref();
      tick();
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      timer = null;
      await ticking;
    },
  };
}

/** Whether this process runs jobs on their timers: everywhere unless CLINIGRAPH_JOBS=off. */
export const jobTimersEnabled = () => process.env.CLINIGRAPH_JOBS !== 'off';

/** A subgraph's runner, ticking unless CLINIGRAPH_JOBS=off (then only runDue/runNow run anything). */
export function startJobs(service: string, database: Database, jobs: JobDefinition[], options?: JobRunnerOptions): JobRunner {
  const runner = createJobRunner(service, database, jobs, options);
  if (jobTimersEnabled()) runner.start();
  return runner;
}
