import type PgBoss from 'pg-boss';
import type { Database } from '../db/connect.ts';
import { log } from '../log.ts';
import { serializeError } from '../log-safety.ts';
import { recordJobRun } from '../metrics/jobs.ts';
import { secondsSince } from '../metrics/registry.ts';
import type { JobDefinition, JobScope } from './definition.ts';
import { queueTx } from './queue-db.ts';

/** What a run's pg-boss job carries: which scope and period it is for, and the time of the tick that sent it. */
export interface RunData {
  scope: JobScope | null;
  period: string;
  at: string;
}

export interface RunOutcome {
  ok: boolean;
  result?: unknown;
}

/**
 * What the run record (`jobs.job.output`) keeps of a result: its numbers and booleans (counts), never text,
 * which could name a patient; a list becomes its length.
 */
export function runSummary(result: unknown): Record<string, number | boolean> | null {
  if (Array.isArray(result)) return { items: result.length };
  if (!result || typeof result !== 'object') return null;
  return Object.fromEntries(Object.entries(result).filter(([, v]) => typeof v === 'number' || typeof v === 'boolean')) as Record<string, number | boolean>;
}

/** What the run record keeps of an error: the log's safe form (no SQL parameters, no quoted values, no e-mail). */
function failure(err: unknown): object {
  const safe = serializeError(err) as { type?: string; message?: string; code?: string };
  return { type: safe.type, message: safe.message, code: safe.code };
}

/**
 * Runs one fetched run of `job` and settles it in pg-boss: completed (in the job's own transaction for
 * with-work jobs), or failed, which pg-boss turns into a retry while the job has attempts left.
 */
export async function executeRun(boss: PgBoss, database: Database, queue: string, job: JobDefinition, run: PgBoss.Job<RunData>): Promise<RunOutcome> {
  const { scope, period, at } = run.data;
  const ctx = { now: new Date(at), period, scope };
  const start = performance.now();
  try {
    let result: unknown;
    if (job.claim === 'before-work') {
      result = await job.run({ ...ctx, db: database.db });
      await boss.complete(queue, run.id, runSummary(result) ?? {});
    } else {
      result = await database.db.transaction(async (tx) => {
        const value = await job.run({ ...ctx, db: tx });
        const completed = (await boss.complete(queue, run.id, runSummary(value) ?? {}, { db: queueTx(tx) })) as unknown as { affected: number };
        // pg-boss took the run back meanwhile (it expired, or a shutdown failed it for a retry): its writes must not commit too.
        if (completed.affected !== 1) throw new Error('the run was taken back before it completed; its writes are rolled back');
        return value;
      });
    }
    recordJobRun(queue, true, secondsSince(start));
    return { ok: true, result };
  } catch (err) {
    recordJobRun(queue, false, secondsSince(start));
    log.error({ err, job: queue, scope: scope?.id, period }, 'job run failed');
    await boss.fail(queue, run.id, failure(err)).catch((failErr: unknown) => log.error({ err: failErr, job: queue }, 'job run failure not recorded'));
    return { ok: false };
  }
}
