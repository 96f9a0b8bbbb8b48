import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { checkDatabaseUrl } from './database-url.ts';
import { instrumentClient, recordPoolSize } from './instrument.ts';
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
  /**
   * Runs several statements inside one transaction of the driver, so a failure rolls all of them back and
   * never leaves a connection in an aborted transaction. The text may hold its own BEGIN…COMMIT (pg-boss's
   * scripts do): a BEGIN inside a transaction and a COMMIT after one are only warnings.
   */
  script(sqlText: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
  listen(channel: string, onNotify: Notification): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** PGlite only: the whole data folder as a tarball, to clone this database (migrated test templates). */
  dumpDataDir?(): Promise<Blob>;
}

const logger = { logQuery: (query: string, params: unknown[]) => countQuery(query, params) };

export interface ConnectOptions {
  /** postgres:// URL; when absent, an embedded PGlite is used. */
  url?: string;
  /** PGlite data folder; in-memory when absent. */
  dataDir?: string;
  /** postgres.js pool size. */
  max?: number;
  /** Restore PGlite from a dumped data folder (a fast per-test-file copy of a migrated template). */
  loadDataDir?: Blob | File;
  /** The pool's name in /metrics and traces (default 'main'; the gateway's live-update reader is 'live'). */
  name?: string;
}

export async function connect(options: ConnectOptions = {}): Promise<Database> {
  if (options.url) checkDatabaseUrl(options.url);
  return options.url ? connectPostgres(options.url, options.max ?? 10, options.name ?? 'main') : connectPglite(options);
}

async function connectPglite({ dataDir, loadDataDir, name = 'main' }: ConnectOptions): Promise<Database> {
  const pg = instrumentClient(await PGlite.create({ dataDir, loadDataDir, extensions: { btree_gist } }), name, ['query', 'exec'], ['transaction']);
  recordPoolSize(name, 'pglite', 1);
  const db = drizzlePglite(pg, { logger }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    exec: async (text) => {
      await pg.exec(text);
    },
    script: async (text) => {
      await pg.transaction((tx) => tx.exec(text));
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

async function connectPostgres(url: string, max: number, name: string): Promise<Database> {
  const sql = instrumentClient(
    postgres(url, { max, onnotice: () => {}, connection: { application_name: 'clinigraph' } }),
    name,
    ['unsafe'],
    ['begin', 'savepoint'],
  );
  recordPoolSize(name, 'postgres', max);
  const db = drizzlePostgres(sql, { logger }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    exec: async (text) => {
      await sql.unsafe(text).simple();
    },
    script: async (text) => {
      await sql.begin((tx) => tx.unsafe(text).simple());
    },
    query: async <T>(text: string, params: unknown[] = []) => (await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
    listen: async (channel, onNotify) => {
      const sub = await sql.listen(channel, onNotify);
      return () => sub.unlisten();
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
