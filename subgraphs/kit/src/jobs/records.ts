import type { Database } from '../db/connect.ts';
import { JOB_QUEUE_SCHEMA } from './queue.ts';

/** One run as pg-boss keeps it: in `jobs.job` while recent, then in `jobs.archive` (7 days). */
export interface JobRunRecord {
  job: string;
  /** A facility id, or 'all' for an interval job. */
  scope: string;
  period: string;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  /** How many times a worker took it (a retried run counts each attempt). */
  attempts: number;
  /** What the run returned (its counts), or why its last attempt failed. */
  output: Record<string, unknown> | null;
}

/** The record of a job's runs (`<subgraph>.<job>`), oldest first: what an operator reads to see what ran and what failed. */
export async function jobRuns(database: Database, job: string): Promise<JobRunRecord[]> {
  const columns = `name as job, coalesce(data->'scope'->>'id', 'all') as scope, data->>'period' as period, state::text as state,
    case when started_on is null then 0 else retry_count + 1 end as attempts, output, created_on`;
  return database.query<JobRunRecord>(
    `select job, scope, period, state, attempts, output from (
       select ${columns} from ${JOB_QUEUE_SCHEMA}.job where name = $1
       union all
       select ${columns} from ${JOB_QUEUE_SCHEMA}.archive where name = $1
     ) runs order by created_on, period, scope`,
    [job],
  );
}
