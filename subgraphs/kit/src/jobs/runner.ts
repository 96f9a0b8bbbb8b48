import { setTimeout as sleep } from 'node:timers/promises';
import type PgBoss from 'pg-boss';
import type { Database } from '../db/connect.ts';
import { log } from '../log.ts';
import { DEFAULT_JOB_RETRY, type JobDefinition, type JobScope } from './definition.ts';
import { duePeriod, minutesOfDay, periodOf } from './due.ts';
import { executeRun, type RunData } from './execute.ts';
import { type JobQueue, openJobQueue, type QueueTiming, runId } from './queue.ts';

/*
 * The jobs run on pg-boss (kit/src/jobs/queue.ts), on PostgreSQL and on the embedded PGlite alike:
 * - The clock is pg-boss's cron: one schedule per subgraph, `<subgraph>.tick`, every minute. Its cron
 *   monitor lets one process per database per interval send the tick (it stamps a row before it looks),
 *   and the tick's job is taken by one worker, whichever replica it lives in.
 * - The tick sends every run due at that minute (due.ts: each facility's local time and day, DST included)
 *   as a pg-boss job whose id is derived from (job, scope, period): a run sent twice, by a late tick or by
 *   `runDue` in another process, is one row, fetched by one worker (FOR UPDATE SKIP LOCKED).
 * - pg-boss retries a failed run with backoff, expires a run whose process died, and keeps each run with
 *   its state, attempts and output in `jobs.job`, then `jobs.archive`: the record of every run.
 * Deciding "due" here rather than giving pg-boss one cron per facility keeps three things pg-boss's cron
 * does not: a run missed while every process was down happens when one is back (pg-boss only fires within a
 * minute of the cron time), a facility added or moved to another zone needs no schedule to be kept in step,
 * and tests can ask what is due at any instant (`runDue(now)`).
 */

/** The scope of interval jobs, which run once for the whole database. */
export const WHOLE_DATABASE = 'all';
/** How often a replica's workers look for runs another replica's tick sent (this replica's own tick wakes them at once). */
const WORKER_POLL_SECONDS = 10;
/** How long a run may take before pg-boss counts it failed (its process died) and retries it. */
const RUN_EXPIRES_SECONDS = 15 * 60;
const JOB_NAME = /^[a-z0-9][a-z0-9-]*$/;

export interface JobRunReport {
  job: string;
  scope: string;
  period: string;
  ok: boolean;
  result?: unknown;
}

export interface JobRunner {
  /** Sends every run due at `now`, then runs here every run waiting in this subgraph's queues; returns the runs this call made. */
  runDue(now?: Date): Promise<JobRunReport[]>;
  /** Runs one of its jobs now for each of its scopes, outside the queue (a by-hand run); returns each run's result. */
  runNow<J extends JobDefinition>(job: J, now?: Date): Promise<Awaited<ReturnType<J['run']>>[]>;
  /** Starts pg-boss's cron tick and this subgraph's workers; retries every 30 s while the queue is not installed. */
  start(): Promise<void>;
  /** Stops taking runs, lets the running ones finish (at most `graceMs`, after which pg-boss fails them for a retry). */
  stop(graceMs?: number): Promise<void>;
}

export interface JobRunnerOptions {
  /** pg-boss's cron timing (tests make it look more often). */
  timing?: QueueTiming;
}

function validate(service: string, jobs: JobDefinition[]): void {
  const names = new Set<string>();
  for (const job of jobs) {
    if (!JOB_NAME.test(job.name)) throw new Error(`${service}: a job name is lower-case letters, digits and dashes, not "${job.name}"`);
    if (job.name === 'tick') throw new Error(`${service}: no job may be named tick (${service}.tick is the clock's queue)`);
    if (names.has(job.name)) throw new Error(`${service}: two jobs are named ${job.name}`);
    names.add(job.name);
    if ('dailyAt' in job.schedule) minutesOfDay(job.schedule.dailyAt);
    else if (!(job.schedule.every >= 60_000 && job.schedule.every % 60_000 === 0))
      throw new Error(`${service}.${job.name}: an interval must be a whole number of minutes (the jobs' clock ticks once a minute)`);
  }
}

/**
 * Creates a queue unless it exists. pg-boss 10's create_queue (a row, a partition table, its foreign keys)
 * deadlocks when replicas starting together create the same queue; the loser finds it created by the winner.
 */
async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; !(await boss.getQueue(queue.name)); attempt++) {
    if (attempt > 5) throw new Error(`the job queue ${queue.name} could not be created`);
    await boss.createQueue(queue.name, queue).catch((err: unknown) => log.warn({ err, queue: queue.name }, 'job queue not created; checking again'));
  }
}

export function createJobRunner(service: string, database: Database, jobs: JobDefinition[], options: JobRunnerOptions = {}): JobRunner {
  validate(service, jobs);
  const queueOf = (job: JobDefinition) => `${service}.${job.name}`;
  const tick = `${service}.tick`;
  let queue: (JobQueue & { timers: boolean; ready: Promise<PgBoss> }) | null = null;
  let closing = false;
  let retryTimer: NodeJS.Timeout | null = null;
  const inFlight = new Set<Promise<unknown>>();

  const ensureQueues = async (boss: PgBoss) => {
    for (const job of jobs) {
      const retry = job.retry ?? DEFAULT_JOB_RETRY;
      const settings = { retryLimit: retry.limit, retryDelay: retry.delaySeconds, retryBackoff: retry.backoff, expireInSeconds: RUN_EXPIRES_SECONDS };
      await ensureQueue(boss, { name: queueOf(job), ...settings });
      await boss.updateQueue(queueOf(job), { name: queueOf(job), ...settings });
    }
  };

  const closeQueue = async (graceMs: number) => {
    const current = queue;
    if (!current) return;
    const deadline = Date.now() + graceMs;
    queue = null;
    closing = true;
    // pg-boss stops its cron and workers, waits for the runs they hold (at most graceMs), then fails the rest for a retry.
    await current.ready.then(
      (boss) => boss.stop({ graceful: true, timeout: graceMs, close: false }),
      () => undefined,
    );
    // Runs started by runDue, or still unwinding after pg-boss gave up on them, get what is left of the grace.
    await Promise.race([Promise.allSettled(inFlight), sleep(Math.max(0, deadline - Date.now()), undefined, { ref: false })]);
    current.close();
    closing = false;
  };

  /** pg-boss for this runner: with its cron and maintenance (`start`), or without (`runDue` alone). */
  const open = async (timers: boolean): Promise<PgBoss> => {
    if (queue && queue.timers !== timers) await closeQueue(10_000);
    if (!queue) {
      const opened = openJobQueue(database, service, timers, options.timing);
      const ready = opened.boss.start().then(async () => {
        await ensureQueues(opened.boss);
        return opened.boss;
      });
      queue = { ...opened, timers, ready };
      ready.catch(() => {
        if (queue?.ready === ready) queue = null;
      });
    }
    return queue.ready;
  };

  const scopesOf = (job: JobDefinition): Promise<(JobScope | null)[]> => ('every' in job.schedule ? Promise.resolve([null]) : job.schedule.scopes(database.db));

  /** Sends every run due at `now`; returns the queues that got a new one. */
  const sendDue = async (boss: PgBoss, now: Date): Promise<Set<string>> => {
    const fresh = new Set<string>();
    for (const job of jobs) {
      let scopes: (JobScope | null)[];
      try {
        scopes = await scopesOf(job);
      } catch (err) {
        log.error({ err, job: queueOf(job) }, 'job scopes unavailable; retried next tick');
        continue;
      }
      for (const scope of scopes) {
        let period: string | null;
        try {
          period = duePeriod(job.schedule, now, scope?.timeZone);
        } catch (err) {
          log.error({ err, job: queueOf(job), scope: scope?.id }, 'job scope skipped');
          continue;
        }
        if (!period) continue;
        const data: RunData = { scope: scope && { id: scope.id, timeZone: scope.timeZone }, period, at: now.toISOString() };
        if (await boss.send(queueOf(job), data, { id: runId(queueOf(job), scope?.id ?? WHOLE_DATABASE, period) })) fresh.add(queueOf(job));
      }
    }
    return fresh;
  };

  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    return work.finally(() => inFlight.delete(work));
  };

  const runDue = async (now = new Date()): Promise<JobRunReport[]> => {
    if (!jobs.length) return [];
    const boss = await open(queue?.timers ?? false);
    await sendDue(boss, now);
    const reports: JobRunReport[] = [];
    for (const job of jobs) {
      for (;;) {
        const [run] = await boss.fetch<RunData>(queueOf(job), { batchSize: 1 });
        if (!run) break;
        const outcome = await track(executeRun(boss, database, queueOf(job), job, run));
        reports.push({ job: queueOf(job), scope: run.data.scope?.id ?? WHOLE_DATABASE, period: run.data.period, ...outcome });
      }
    }
    return reports;
  };

  const startWorkers = async () => {
    const boss = await open(true);
    const workers = new Map<string, string>();
    for (const job of jobs) {
      const id = await boss.work<RunData>(queueOf(job), { pollingIntervalSeconds: WORKER_POLL_SECONDS, batchSize: 1 }, async ([run]) => {
        if (closing) throw new Error('the job runner is stopping');
        await track(executeRun(boss, database, queueOf(job), job, run!));
      });
      workers.set(queueOf(job), id);
    }
    // The tick: one a minute across every replica. A late tick is worthless (the next one sends the same runs), so no retry.
    await ensureQueue(boss, { name: tick, retryLimit: 0, expireInSeconds: 60 });
    await boss.schedule(tick, '* * * * *', {}, { tz: 'UTC' });
    await boss.work(tick, { pollingIntervalSeconds: 5 }, async () => {
      if (closing) return;
      for (const fresh of await track(sendDue(boss, new Date()))) boss.notifyWorker(workers.get(fresh)!);
    });
  };

  let starting: Promise<void> | null = null;
  const start = (): Promise<void> => {
    if (!jobs.length) return Promise.resolve();
    starting ??= startWorkers().catch(async (err: unknown) => {
      log.error({ err, service }, 'jobs not started (is the job queue installed? run npm run migrate); retrying in 30 s');
      await closeQueue(0);
      retryTimer = setTimeout(() => {
        starting = null;
        void start();
      }, 30_000);
      retryTimer.unref();
    });
    return starting;
  };

  return {
    runDue,
    runNow: async <J extends JobDefinition>(job: J, now = new Date()) => {
      if (!jobs.includes(job)) throw new Error(`${service} does not run the job ${job.name}`);
      const results: Awaited<ReturnType<J['run']>>[] = [];
      for (const scope of await scopesOf(job)) {
        const ctx = { now, period: periodOf(job.schedule, now, scope?.timeZone), scope };
        const result =
          job.claim === 'before-work' ? await job.run({ ...ctx, db: database.db }) : await database.db.transaction((tx) => job.run({ ...ctx, db: tx }));
        results.push(result as Awaited<ReturnType<J['run']>>);
      }
      return results;
    },
    start,
    stop: async (graceMs = 10_000) => {
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      await starting;
      starting = null;
      await closeQueue(graceMs);
    },
  };
}

/** Whether this process runs jobs on their timers: everywhere unless CLINIGRAPH_JOBS=off. */
export const jobTimersEnabled = () => process.env.CLINIGRAPH_JOBS !== 'off';

/** A subgraph's runner, started unless CLINIGRAPH_JOBS=off (then only runDue/runNow run anything, and pg-boss starts no timer). */
export async function startJobs(service: string, database: Database, jobs: JobDefinition[], options?: JobRunnerOptions): Promise<JobRunner> {
  const runner = createJobRunner(service, database, jobs, options);
  if (jobTimersEnabled()) await runner.start();
  return runner;
}
