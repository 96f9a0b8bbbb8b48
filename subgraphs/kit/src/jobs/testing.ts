import type { Database, Tx } from '../db/connect.ts';
import { emitEvent } from '../events.ts';
import type { JobDefinition, JobRetry, JobScope } from './definition.ts';

/*
 * Jobs for the runner's own tests: their work is one `test.<job>` event per run, written in the run's
 * transaction, so a count of those events is a count of the runs that took effect.
 */

export const recordWork = (tx: Tx, job: string, scope: string, period: string) =>
  emitEvent(tx, { topic: `test.${job}`, entityType: 'JobRun', entityId: `${scope}/${period}` });

/** How many runs of a test job took effect. */
export const workDone = async (database: Database, job: string): Promise<number> =>
  Number((await database.query<{ n: string }>('select count(*) as n from events.log where topic = $1', [`test.${job}`]))[0]!.n);

/** A daily job over these facilities (the array is read at every tick: push to add one). */
export function dailyJob(name: string, scopes: JobScope[], dailyAt = '06:00', retry?: JobRetry): JobDefinition {
  return {
    name,
    schedule: { dailyAt, scopes: async () => scopes },
    retry,
    run: async ({ db, scope, period }) => recordWork(db, name, scope!.id, period),
  };
}
