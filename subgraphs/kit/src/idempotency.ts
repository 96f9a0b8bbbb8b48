import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { index, type PgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Context } from './context.ts';
import type { Db, Tx } from './db/connect.ts';
import { AppError, badInput, ErrorCode } from './errors.ts';
import type { JobDefinition } from './jobs/definition.ts';

/** How long a key answers with its first result; after that the same key starts a new write (Stripe keeps them 24 h too). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600 * 1000;

/** The extensions.reason of the CONFLICT a key reused for another request gets. */
export const IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED';

/** The `idempotencyKey` argument's description, the same on every mutation that takes one. */
export const IDEMPOTENCY_KEY_DESCRIPTION =
  'A key the client makes once per user action (a UUID) and sends again on a retry: the same key with the same input answers the first result instead of writing twice; with another input it is a CONFLICT (extensions.reason IDEMPOTENCY_KEY_REUSED). Keys expire after 24 hours.';

const KEY_PATTERN = /^[\x21-\x7e]{8,255}$/;

/**
 * A subgraph's table of idempotency keys, declared in its own pg schema (db/schema.ts) so drizzle-kit puts it
 * in its migrations. One row per (caller, key): the primary key makes two concurrent requests with one key
 * write exactly one row, and the second waits for the first to commit or roll back.
 */
export const idempotencyKeyTable = (schema: PgSchema) =>
  schema.table(
    'idempotency_key',
    {
      key: text('key').notNull(),
      callerId: uuid('caller_id').notNull(),
      operation: text('operation').notNull(),
      /** sha256 of the operation and its canonical input: the same key with another input is refused. */
      fingerprint: text('fingerprint').notNull(),
      /** The id of what the first request created, answered again to every retry. */
      resultId: text('result_id'),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [primaryKey({ columns: [t.callerId, t.key] }), index(`${schema.schemaName}_idempotency_key_created_idx`).on(t.createdAt)],
  );

export type IdempotencyKeyTable = ReturnType<typeof idempotencyKeyTable>;

/** JSON with object keys sorted, so the fingerprint does not depend on the order a client sent the fields in. */
function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const requestFingerprint = (operation: string, input: unknown): string =>
  createHash('sha256')
    .update(`${operation}\n${canonical(input)}`)
    .digest('hex');

export interface IdempotentWrite<T> {
  table: IdempotencyKeyTable;
  /** The mutation's name: a key used for one mutation cannot be reused for another. */
  operation: string;
  /** The client's key (the mutation's `idempotencyKey` argument); without one the write simply runs. */
  key: string | null | undefined;
  /** Everything else the client sent: a retry must send the same. */
  input: unknown;
  /** The id of what the write created, stored with the key. */
  idOf(result: T): string;
  /** What a retry answers: the first result, read again by its id (in the retry's transaction). */
  replay(ctx: Context, id: string): Promise<T>;
}

/**
 * Runs a write at most once per (caller, key), in the style of Stripe: the key is claimed in the write's own
 * transaction (which `run` joins as `ctx.db`; its own transactions become savepoints), so the key and the
 * write commit together or not at all. A retry with the same input answers the first result; the same key
 * with another input or mutation is a CONFLICT (`IDEMPOTENCY_KEY_REUSED`). A retry that arrives while the
 * first request is still running waits for it. A write that failed left no key, so its retry runs again.
 */
export async function idempotent<T>(ctx: Context, write: IdempotentWrite<T>, run: (ctx: Context) => Promise<T>): Promise<T> {
  const { key, table } = write;
  const callerId = ctx.identity?.userId;
  if (key == null || !callerId) return run(ctx);
  if (!KEY_PATTERN.test(key)) {
    const message = 'must be 8 to 255 printable characters without spaces (a UUID is a good key)';
    throw badInput(`idempotencyKey: ${message}`, [{ path: 'idempotencyKey', message }]);
  }
  const fingerprint = requestFingerprint(write.operation, write.input);
  const claimed = { key, callerId, operation: write.operation, fingerprint, resultId: null, createdAt: new Date() };
  return ctx.db.transaction(async (tx) => {
    const scoped: Context = { ...ctx, db: tx as unknown as Db };
    // A fresh key, or one past its lifetime, is (re)claimed; a live one is left as it is and read below.
    const [mine] = await tx
      .insert(table)
      .values(claimed)
      .onConflictDoUpdate({
        target: [table.callerId, table.key],
        set: claimed,
        where: lt(table.createdAt, new Date(Date.now() - IDEMPOTENCY_KEY_TTL_MS)),
      })
      .returning({ key: table.key });
    if (!mine) return replayFirst(scoped, tx, write, callerId, fingerprint);
    const result = await run(scoped);
    await tx
      .update(table)
      .set({ resultId: write.idOf(result) })
      .where(and(eq(table.callerId, callerId), eq(table.key, key)));
    return result;
  });
}

async function replayFirst<T>(ctx: Context, tx: Tx, write: IdempotentWrite<T>, callerId: string, fingerprint: string): Promise<T> {
  const { table } = write;
  const [first] = await tx
    .select({ fingerprint: table.fingerprint, operation: table.operation, resultId: table.resultId })
    .from(table)
    .where(and(eq(table.callerId, callerId), eq(table.key, String(write.key))));
  if (!first?.resultId || first.fingerprint !== fingerprint) {
    const what = first && first.operation !== write.operation ? `${first.operation}` : 'another request';
    throw new AppError(ErrorCode.CONFLICT, `This idempotency key was already used for ${what}; send a new key for a new request`, {
      reason: IDEMPOTENCY_KEY_REUSED,
    });
  }
  return write.replay(ctx, first.resultId);
}

/** A job that deletes a subgraph's keys past their lifetime, hourly. */
export const idempotencyKeyExpiry = (table: IdempotencyKeyTable): JobDefinition => ({
  name: 'idempotency-key-expiry',
  schedule: { every: 3600_000 },
  run: async ({ db, now }) => {
    const removed = await db
      .delete(table)
      .where(lt(table.createdAt, new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS)))
      .returning({ key: table.key });
    return { removed: removed.length };
  },
});
