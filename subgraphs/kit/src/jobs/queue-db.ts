import { type SQL, sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/connect.ts';

/** What pg-boss runs every statement through: its constructor's `db` option, and the `db` option of `complete`. */
export interface QueueDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/*
 * pg-boss brings node-postgres and opens its own pool unless it is given a `db`: any object with
 * `executeSql(text, values)` answering `{ rows }`. These adapters run its statements on the kit's own
 * connection instead, so the job queue works wherever the subgraph does: on postgres.js (distributed) and
 * on the embedded PGlite, which is one in-process connection that no second client can open.
 *
 * pg-boss sends two kinds of statement:
 * - one statement with `$n` parameters (fetch, send, complete, fail…), run as a parameterised query;
 * - its maintenance and installation scripts: several statements wrapped in BEGIN…COMMIT under an advisory
 *   lock, with no parameters. These go through `Database.script`, inside a transaction of the driver: on
 *   PGlite a script failing half-way (a lock timeout) would otherwise leave the only connection in an
 *   aborted transaction, and every later query of the process would fail.
 */

/** pg-boss passes JSON payloads as objects (node-postgres serialises them); both kit drivers take JSON text. */
function toParam(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}

const isScript = (text: string) => /^\s*BEGIN\s*;/i.test(text);

/** pg-boss over the kit's Database (either driver). */
export function queueDb(database: Database): QueueDb {
  return {
    executeSql: async (text, values = []) => {
      if (isScript(text)) {
        await database.script(text);
        return { rows: [] };
      }
      return { rows: await database.query<Record<string, unknown>>(text, values.map(toParam)) };
    },
  };
}

/**
 * pg-boss inside one of the kit's drizzle transactions: how a with-work job completes its run in the
 * transaction of its writes. The `$n` placeholders become drizzle parameters in order.
 */
export function queueTx(tx: Tx): QueueDb {
  return {
    executeSql: async (text, values = []) => {
      const chunks: SQL[] = text.split(/\$(\d+)/).map((part, i) => (i % 2 ? sql.param(toParam(values[Number(part) - 1])) : sql.raw(part)) as SQL);
      const result = (await tx.execute(sql.join(chunks))) as unknown as Record<string, unknown>[] | { rows: Record<string, unknown>[] };
      return { rows: Array.isArray(result) ? result : result.rows };
    },
  };
}
