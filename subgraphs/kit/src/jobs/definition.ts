import type { Db, Tx } from '../db/connect.ts';

/** What a per-scope job runs for, e.g. one facility, with the IANA zone its local day is counted in. */
export interface JobScope {
  id: string;
  timeZone: string;
}

export type JobSchedule =
  /**
   * Every `every` milliseconds, a whole number of minutes (the jobs' clock ticks once a minute): one run per
   * window of that length, windows aligned to the epoch.
   */
  | { every: number }
  /**
   * Once a day per scope, at `dailyAt` ('HH:mm') local time in the scope's zone, or at the first tick
   * after it (a clinic whose processes were all down at 06:00 runs the day's 06:00 job when one is back; a
   * wall-clock time that a DST change skips runs when the clock has passed it). The run's period is the
   * scope's local date. `scopes` is read at every tick, so a facility added or moved to another zone is
   * scheduled from its next local day on.
   */
  | { dailyAt: string; scopes(db: Db): Promise<JobScope[]> };

export interface JobContext<D> {
  /** With-work jobs: the transaction that completes the run. Before-work jobs: the database. */
  db: D;
  /** The time of the tick that found the run due (a retry keeps it); tests pass their own. */
  now: Date;
  /** The window start (ISO) of an interval job, or the scope's local date (YYYY-MM-DD) of a daily one. */
  period: string;
  /** Null for interval jobs, which run once for the whole database. */
  scope: JobScope | null;
}

/** How pg-boss retries a failed run: `limit` more attempts, `delaySeconds` apart, doubling (with jitter) when `backoff`. */
export interface JobRetry {
  limit: number;
  delaySeconds: number;
  backoff: boolean;
}

/** Three more attempts, after 30–60 s, 1–2 min and 2–4 min; then the run is recorded failed and the next period tries again. */
export const DEFAULT_JOB_RETRY: JobRetry = { limit: 3, delaySeconds: 30, backoff: true };

interface JobBase {
  /** Unique within its subgraph; its pg-boss queue is `<subgraph>.<name>`. */
  name: string;
  schedule: JobSchedule;
  retry?: JobRetry;
}

/**
 * A job a subgraph declares in its SubgraphModule. Each run (job, scope, period) is one pg-boss job, sent
 * by whichever replica's tick finds it due first and run by one worker (kit/src/jobs/runner.ts). How a run
 * completes decides what a failure or a crash does:
 * - 'with-work' (default): the job's writes and the run's completion commit in one transaction. An error
 *   or a crash leaves neither, and pg-boss retries the run (a crashed one once it expires). The job must do
 *   all its writes through `ctx.db` (on PGlite, touching the database outside it would wait forever).
 * - 'before-work': the run is claimed before the work, which uses its own transactions, for effects
 *   outside the database (e-mail). A run that fails or dies half-way is retried and repeats what it had
 *   done, so only idempotent work may choose it.
 */
export type JobDefinition =
  | (JobBase & { claim?: 'with-work'; run(ctx: JobContext<Tx>): Promise<unknown> })
  | (JobBase & { claim: 'before-work'; run(ctx: JobContext<Db>): Promise<unknown> });
