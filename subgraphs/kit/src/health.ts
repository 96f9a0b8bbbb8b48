import { readFileSync } from 'node:fs';
import type express from 'express';
import { keysConfigured } from './auth/keys.ts';
import type { Database } from './db/connect.ts';
import type { MigrationSet } from './db/migrate.ts';
import { kitMigrations } from './db/migrate.ts';

/** One thing a process needs before it can serve: resolves to null when met, else what is missing. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<string | null>;
}

export interface Readiness {
  /** Every check's outcome; `ready` only when all are met and the process is not stopping. */
  report(): Promise<{ ready: boolean; checks: Record<string, string> }>;
  /** From now on the process is stopping: /ready fails so load balancers stop sending work. */
  stopping(): void;
}

const CHECK_TIMEOUT_MS = 2_000;

async function outcome(check: ReadinessCheck): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${CHECK_TIMEOUT_MS} ms`), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check.check().catch((err: unknown) => (err instanceof Error ? err.message : 'failed')), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function readiness(checks: ReadinessCheck[]): Readiness {
  let stopping = false;
  return {
    report: async () => {
      const results = await Promise.all(checks.map(async (c) => [c.name, await outcome(c)] as const));
      const entries: [string, string][] = results.map(([name, missing]) => [name, missing ?? 'ok']);
      if (stopping) entries.push(['process', 'shutting down']);
      return { ready: !stopping && results.every(([, missing]) => missing === null), checks: Object.fromEntries(entries) };
    },
    stopping: () => {
      stopping = true;
    },
  };
}

/**
 * GET /health: the process lives (200 while it runs). GET /ready: 200 only when every check is met,
 * else 503 with a JSON body naming what is missing, e.g. `{"status":"unavailable","checks":{"database":"ok","keys":"…"}}`.
 */
export function mountHealth(app: express.Express, service: string, ready: Readiness): void {
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service });
  });
  app.get('/ready', async (_req, res) => {
    const { ready: ok, checks } = await ready.report();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'unavailable', service, checks });
  });
}

/** The database answers a trivial query. */
export const databaseCheck = (database: Database): ReadinessCheck => ({
  name: 'database',
  check: async () => {
    try {
      await database.query('select 1');
      return null;
    } catch {
      return 'the database does not answer';
    }
  },
});

function latestMigration(set: MigrationSet): number {
  const journal = JSON.parse(readFileSync(`${set.folder}/meta/_journal.json`, 'utf8')) as { entries: { when: number }[] };
  return Math.max(0, ...journal.entries.map((e) => e.when));
}

/** Every migration of these sets (and the kit's) is applied: what `npm run migrate` records in drizzle.migrations_<set>. */
export const migrationsCheck = (database: Database, sets: MigrationSet[]): ReadinessCheck => ({
  name: 'migrations',
  check: async () => {
    const pending: string[] = [];
    for (const set of [kitMigrations, ...sets.filter((s) => s.name !== kitMigrations.name)]) {
      const [table] = await database.query<{ name: string | null }>('select to_regclass($1)::text as name', [`drizzle.migrations_${set.name}`]);
      const applied = table?.name
        ? Number((await database.query<{ at: string | null }>(`select max(created_at)::text as at from drizzle.migrations_${set.name}`))[0]?.at ?? 0)
        : 0;
      if (applied < latestMigration(set)) pending.push(set.name);
    }
    return pending.length ? `migrations not applied for ${pending.join(', ')} (run npm run migrate)` : null;
  },
});

/** The token keys are configured (CLINIGRAPH_JWT_PUBLIC_KEY, or the embedded data folder's pair), not a throwaway pair. */
export const keysCheck = (): ReadinessCheck => ({
  name: 'keys',
  check: async () => ((await keysConfigured()) ? null : 'CLINIGRAPH_JWT_PUBLIC_KEY is not set: tokens cannot be verified'),
});
