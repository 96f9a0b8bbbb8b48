import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Database } from '../db/connect.ts';
import { log } from '../log.ts';
import { queueDb } from './queue-db.ts';

/**
 * The kit's job queue is pg-boss, in the `jobs` schema every subgraph shares (like `events`): one set of
 * tables, one maintenance loop and one cron monitor per database, with each queue named
 * `<subgraph>.<job>`. Where a deployment gives each subgraph its own database, each database holds its own
 * `jobs` schema, as it holds its own `events`.
 */
export const JOB_QUEUE_SCHEMA = 'jobs';

/**
 * How long a finished run stays in `jobs.job` (then pg-boss archives it to `jobs.archive` for 7 days). Its
 * key makes a second run of the same period a no-op only while it is there, so this outlasts the longest
 * time a period stays due: a local day (25 hours on a fall-back day).
 */
const KEEP_FINISHED_SECONDS = 2 * 86_400;

/** Whatever pg-boss knobs a caller (tests) may turn: how often its cron monitor and cron worker look. */
export type QueueTiming = Pick<PgBoss.ConstructorOptions, 'cronMonitorIntervalSeconds' | 'cronWorkerIntervalSeconds'>;

export interface JobQueue {
  boss: PgBoss;
  /** After this, every statement pg-boss still sends (a worker's last fetch, a late complete) does nothing. */
  close(): void;
}

/**
 * A pg-boss over the kit's Database. With `timers` it runs its cron monitor (the one clock of the jobs)
 * and its maintenance (expiring runs whose process died, archiving, deleting); without, it only sends and
 * fetches when asked (tests, `runDue`). It never installs or migrates its schema: `installJobQueue` does,
 * with the migrations.
 */
export function openJobQueue(database: Database, service: string, timers: boolean, timing: QueueTiming = {}): JobQueue {
  const db = queueDb(database);
  let closed = false;
  // Once closed, answer as pg-boss's own closed pool does (undefined, which its fetch and complete expect), so a
  // statement it sends late never reaches a database the caller is about to close.
  const guarded = { executeSql: (text: string, values?: unknown[]) => (closed ? Promise.resolve(undefined) : db.executeSql(text, values)) };
  const boss = new PgBoss({
    db: guarded as unknown as PgBoss.Db,
    schema: JOB_QUEUE_SCHEMA,
    migrate: false,
    schedule: timers,
    supervise: timers,
    archiveCompletedAfterSeconds: KEEP_FINISHED_SECONDS,
    archiveFailedAfterSeconds: KEEP_FINISHED_SECONDS,
    deleteAfterDays: 7,
    ...timing,
  });
  // An EventEmitter without an 'error' listener would throw; pg-boss reports its background failures here.
  boss.on('error', (err) => {
    if (!closed) log.error({ err, service }, 'job queue error');
  });
  return {
    boss,
    close: () => {
      closed = true;
    },
  };
}

/** Creates or upgrades pg-boss's tables in the `jobs` schema; part of every migration run (`runMigrations`). */
export async function installJobQueue(database: Database): Promise<void> {
  const boss = new PgBoss({ db: queueDb(database) as PgBoss.Db, schema: JOB_QUEUE_SCHEMA, migrate: true, schedule: false, supervise: false });
  boss.on('error', (err) => log.error({ err }, 'job queue installation error'));
  await boss.start();
  await boss.stop({ graceful: false, close: false });
}

/** What shapes the installed queue: changes with pg-boss's schema version (test templates are keyed on it). */
export const jobQueueSchemaKey = (): string => createHash('sha256').update(PgBoss.getConstructionPlans(JOB_QUEUE_SCHEMA)).digest('hex');

/**
 * The pg-boss id of one run: a UUID (version 8, RFC 9562's custom layout) derived from the queue, the scope
 * and the period. pg-boss inserts a job with ON CONFLICT DO NOTHING on its id, so however many replicas send
 * the same run, one row exists and one worker takes it.
 */
export function runId(queue: string, scope: string, period: string): string {
  const hex = createHash('sha256').update(`${queue}\n${scope}\n${period}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
