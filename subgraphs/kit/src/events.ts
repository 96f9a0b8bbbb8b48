import { and, asc, gt, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from './db/connect.ts';
import { eventLog } from './db/schema.ts';

export const EVENTS_CHANNEL = 'clinigraph_events';
/** Serialises event writers from their insert to their commit, so ids become visible in order. */
const EVENT_ORDER_LOCK = 7_310_000_001;

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
 * change never emits. Call it as the transaction's last write: it holds an ordering lock until commit,
 * which keeps ids committing in order and lets readers resume from a cursor without gaps.
 */
export async function emitEvent(tx: DbOrTx, event: EventInput): Promise<bigint> {
  await tx.execute(sql`select pg_advisory_xact_lock(${EVENT_ORDER_LOCK})`);
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

/** Reads committed events after a cursor, oldest first. */
export async function readEvents(db: Db, after: bigint, topics: string[] | null, limit = 500): Promise<EventRow[]> {
  const where = topics ? and(gt(eventLog.id, after), inArray(eventLog.topic, topics)) : gt(eventLog.id, after);
  return db.select().from(eventLog).where(where).orderBy(asc(eventLog.id)).limit(limit);
}
