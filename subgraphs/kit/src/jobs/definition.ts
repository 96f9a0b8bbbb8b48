import type { Db, Tx } from '../db/connect.ts';

/** What a per-scope job runs for, e.g. one facility, with the IANA zone its local day is counted in. */
export interface JobScope {
  id: string;
  timeZone: string;
}

export type JobSchedule =
  /** Every `every` milliseconds: one run per window of that length, windows aligned to the epoch. */
  | { every: number }
  /**
   * Once a day per scope, at `dailyAt` ('HH:mm') local time in the scope's zone, or at the first tick
   * after it (a process that starts at noon runs the day's 06:00 job at once; a wall-clock time that
   * a DST change skips runs when the clock has passed it). The run's period is the scope's local date.
   */
  | { dailyAt: string; scopes(db: Db): Promise<JobScope[]> };

export interface JobContext<D> {
  /** With-work jobs: the transaction that holds the claim. Before-work jobs: the database. */
  db: D;
  /** The tick's time: tests pass their own. */
  now: Date;
  /** The window start (ISO) of an interval job, or the scope's local date (YYYY-MM-DD) of a daily one. */
  period: string;
  /** Null for interval jobs, which run once for the whole database. */
  scope: JobScope | null;
}

interface JobBase {
  /** Unique within its subgraph; stored as `<subgraph>.<name>`. */
  name: string;
  schedule: JobSchedule;
}

/**
 * A job a subgraph declares in its SubgraphModule. How a run is claimed decides what a crash does:
 * - 'with-work' (default): the claim row and the job's writes commit in one transaction. A crash or an
 *   error rolls both back and the next tick (this or another replica) runs it again; a replica racing
 *   for the same run waits on the claim's key and takes over if the holder rolls back. The job must do
 *   all its writes through `ctx.db` (on PGlite, touching the database outside it would wait forever).
 * - 'before-work': the claim commits first, then the job runs with its own transactions, for work with
 *   effects outside the database (e-mail). A crash mid-run loses that period's run, so only idempotent
 *   work that the next period catches up on may choose it.
 */
export type JobDefinition =
  | (JobBase & { claim?: 'with-work'; run(ctx: JobContext<Tx>): Promise<unknown> })
  | (JobBase & { claim: 'before-work'; run(ctx: JobContext<Db>): Promise<unknown> });
