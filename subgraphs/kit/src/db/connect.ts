import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { pgErrorInfo, SqlState } from './pg-errors.ts';
import { countQuery } from './request-scope.ts';

type Empty = Record<string, never>;
/** Drizzle over either driver. Subgraphs use the query builder, which both drivers share. */
export type Db = PgDatabase<PgQueryResultHKT, Empty>;
export type Tx = PgTransaction<PgQueryResultHKT, Empty, ExtractTablesWithRelations<Empty>>;
export type DbOrTx = Db | Tx;

export type Notification = (payload: string) => void;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs plain SQL (several statements allowed). For setup and tests, never for request data. */
  exec(sqlText: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
  listen(channel: string, onNotify: Notification): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** PGlite only: the whole data folder as a tarball, to clone this database (migrated test templates). */
  dumpDataDir?(): Promise<Blob>;
}

const logger = { logQuery: () => countQuery() };

export interface ConnectOptions {
  /** postgres:// URL; when absent, an embedded PGlite is used. */
  url?: string;
  /** PGlite data folder; in-memory when absent. */
  dataDir?: string;
  /** postgres.js pool size. */
  max?: number;
  /** Restore PGlite from a dumped data folder (a fast per-test-file copy of a migrated template). */
  loadDataDir?: Blob | File;
}

export async function connect(options: ConnectOptions = {}): Promise<Database> {
  return options.url ? connectPostgres(options.url, options.max ?? 10) : connectPglite(options);
}

async function connectPglite({ dataDir, loadDataDir }: ConnectOptions): Promise<Database> {
  const pg = await PGlite.create({ dataDir, loadDataDir, extensions: { btree_gist } });
  const db = drizzlePglite(pg, { logger }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    exec: async (text) => {
      await pg.exec(text);
    },
    query: async <T>(text: string, params: unknown[] = []) => (await pg.query<T>(text, params)).rows,
    listen: async (channel, onNotify) => {
      const unlisten = await pg.listen(channel, onNotify);
      return async () => unlisten();
    },
    close: () => pg.close(),
    dumpDataDir: () => pg.dumpDataDir('none'),
  };
}

async function connectPostgres(url: string, max: number): Promise<Database> {
  const sql = postgres(url, { max, onnotice: () => {}, connection: { application_name: 'clinigraph' } });
  const db = retryTransient(drizzlePostgres(sql, { logger }) as unknown as Db);
  return {
    kind: 'postgres',
    db,
    exec: async (text) => {
      await sql.unsafe(text).simple();
    },
    query: async <T>(text: string, params: unknown[] = []) => (await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
    listen: async (channel, onNotify) => {
      const sub = await sql.listen(channel, onNotify);
      return () => sub.unlisten();
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

const TRANSIENT = new Set<string>([SqlState.SERIALIZATION_FAILURE, SqlState.DEADLOCK_DETECTED]);
const MAX_ATTEMPTS = 4;

/**
 * Reruns a whole top-level transaction when PostgreSQL aborts it as a deadlock victim or on a
 * serialization failure: the callback starts again on fresh data, so a booking that lost a race is
 * then refused by the constraint as it should be, instead of failing with an internal error.
 * Savepoints (tx.transaction) are not retried on their own.
 */
function retryTransient(db: Db): Db {
  const transaction = db.transaction.bind(db);
  db.transaction = (async (run: Parameters<Db['transaction']>[0], config?: Parameters<Db['transaction']>[1]) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await transaction(run, config);
      } catch (err) {
        const code = pgErrorInfo(err)?.code;
        if (attempt >= MAX_ATTEMPTS || !code || !TRANSIENT.has(code)) throw err;
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
      }
    }
  }) as Db['transaction'];
  return db;
}
