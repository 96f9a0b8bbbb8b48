import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { and, asc, count, lt, lte, sql } from 'drizzle-orm';
import type { Database } from './db/connect.ts';
import { consumerOffset, eventLog } from './db/schema.ts';

export const DEFAULT_RETENTION_DAYS = 30;
export const AUDIT_NOTICE = 'The audit trail (audit.event) is never pruned: it is append-only and kept in full.';

export interface RetentionOptions {
  /** Every server-side consumer the deployment runs; one that has not started yet holds the whole log. */
  consumers: string[];
  /** Rows younger than this many days are kept. */
  days?: number;
  now?: Date;
  /** Writes the removed rows here first (gzipped JSON lines, readable by its owner only). */
  archiveFile?: string;
}

export interface RetentionReport {
  /** The highest id every consumer has processed (nothing above it is ever removed). */
  safeId: bigint;
  cutoff: Date;
  removed: number;
  kept: number;
  archiveFile: string | null;
}

/** Writes rows as gzipped JSON lines; resolves once the file is complete on disk. */
async function archiveRows(file: string, rows: Record<string, unknown>[]): Promise<void> {
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600, flags: 'wx' });
  gzip.pipe(out);
  for (const row of rows) if (!gzip.write(`${JSON.stringify(row)}\n`)) await once(gzip, 'drain');
  gzip.end();
  await once(out, 'finish');
}

/**
 * Removes `events.log` rows that every consumer has processed AND that are older than the retention
 * window, in one transaction (optionally archiving them first). Consumer offsets, the live tail and the
 * audit trail are left as they are.
 */
export async function pruneEventLog(
  database: Database,
  { consumers, days = DEFAULT_RETENTION_DAYS, now = new Date(), archiveFile }: RetentionOptions,
): Promise<RetentionReport> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  return database.db.transaction(async (tx) => {
    const offsets = await tx.select().from(consumerOffset);
    // Only final ids (below the read horizon) count: a running transaction may still append one below max(id).
    const [last] = await tx.select({ max: sql<string>`least(coalesce(max(${eventLog.id}), 0), events.read_horizon() - 1)::text` }).from(eventLog);
    const positions = [...consumers.map((name) => offsets.find((o) => o.consumer === name)?.lastId ?? 0n), ...offsets.map((o) => o.lastId)];
    const safeId = positions.reduce((min, id) => (id < min ? id : min), BigInt(last?.max ?? '0'));
    const prunable = and(lte(eventLog.id, safeId), lt(eventLog.createdAt, cutoff));
    if (archiveFile) {
      const rows = await tx.select().from(eventLog).where(prunable).orderBy(asc(eventLog.id));
      await archiveRows(
        archiveFile,
        rows.map((r) => ({ ...r, id: r.id.toString() })),
      );
    }
    const removed = await tx.delete(eventLog).where(prunable).returning({ id: eventLog.id });
    const [kept] = await tx.select({ n: count() }).from(eventLog);
    return { safeId, cutoff, removed: removed.length, kept: kept?.n ?? 0, archiveFile: archiveFile ?? null };
  });
}
