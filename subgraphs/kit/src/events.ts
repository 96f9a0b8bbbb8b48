import { and, asc, gt, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from './db/connect.ts';
import { eventLog } from './db/schema.ts';

export const EVENTS_CHANNEL = 'clinigraph_events';

export interface EventInput {
  topic: string;
  entityType: string;
  entityId: string;
  facilityId?: string | null;
  patientId?: string | null;
  providerId?: string | null;
  actorId?: string | null;
  payload?: Record<string, unknown>;
}

export type EventRow = typeof eventLog.$inferSelect;

/**
 * Appends an event in the caller's transaction. The row's NOTIFY fires on commit, so a rolled-back
 * change never emits. Writers never wait for each other: the id (`events.next_event_id()`) is the
 * transaction's xid8 followed by the event's place in it, so ids follow transaction order, and readers
 * only read below the oldest running transaction (`readEventBatch`), where no late commit can land.
 */
export async function emitEvent(tx: DbOrTx, event: EventInput): Promise<bigint> {
  const [row] = await tx
    .insert(eventLog)
    .values({
      topic: event.topic,
      entityType: event.entityType,
      entityId: event.entityId,
      facilityId: event.facilityId ?? null,
      patientId: event.patientId ?? null,
      providerId: event.providerId ?? null,
      actorId: event.actorId ?? null,
      payload: event.payload ?? {},
    })
    .returning({ id: eventLog.id });
  if (!row) throw new Error('event insert returned nothing');
  return row.id;
}

export interface EventBatch {
  /** Final events after the cursor, oldest first: nothing can ever commit between or before them. */
  rows: EventRow[];
  /**
   * Committed events past these wait behind an older transaction that is still running (which may yet
   * append an event before them): read again shortly. Only known when fewer than `limit` rows came back.
   */
  held: boolean;
}

/**
 * Reads committed events after a cursor, oldest first, up to the read horizon (`events.read_horizon()`:
 * the ids of transactions older than the oldest one still running). Below it every id is final, so a
 * reader that resumes from the last id it read never skips an event that commits late.
 */
export async function readEventBatch(db: DbOrTx, after: bigint, topics: readonly string[] | null, limit = 500): Promise<EventBatch> {
  const where = topics ? and(gt(eventLog.id, after), inArray(eventLog.topic, [...topics])) : gt(eventLog.id, after);
  const rows = await db
    .select({ event: eventLog, final: sql<boolean>`${eventLog.id} < events.read_horizon()` })
    .from(eventLog)
    .where(where)
    .orderBy(asc(eventLog.id))
    .limit(limit);
  const held = rows.findIndex((r) => !r.final);
  return held < 0 ? { rows: rows.map((r) => r.event), held: false } : { rows: rows.slice(0, held).map((r) => r.event), held: true };
}

/** Reads final events after a cursor, oldest first (see `readEventBatch`). */
export async function readEvents(db: DbOrTx, after: bigint, topics: readonly string[] | null, limit = 500): Promise<EventRow[]> {
  return (await readEventBatch(db, after, topics, limit)).rows;
}
