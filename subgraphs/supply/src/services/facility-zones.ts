import { type DbOrTx, type EventRow, type FacilityChangedPayload, isKnownTimeZone, type JobScope, log } from '@clinigraph/kit';
import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import { facilityZone } from '../db/schema.ts';

const payloadSchema = z.object({ timezone: z.string().refine(isKnownTimeZone) }) satisfies z.ZodType<FacilityChangedPayload>;

/**
 * Keeps supply's copy of a facility's zone (consumer of facility.changed, which reads the log in order).
 * An event with a payload it cannot read is logged and passed over rather than blocking every later event.
 */
export async function recordFacilityZone(tx: DbOrTx, event: EventRow): Promise<void> {
  const parsed = payloadSchema.safeParse(event.payload);
  if (!parsed.success || !event.facilityId) {
    log.warn({ eventId: String(event.id), facilityId: event.facilityId }, 'facility.changed without a usable time zone; skipped');
    return;
  }
  await tx
    .insert(facilityZone)
    .values({ facilityId: event.facilityId, timezone: parsed.data.timezone, eventId: event.id })
    .onConflictDoUpdate({
      target: facilityZone.facilityId,
      set: { timezone: parsed.data.timezone, eventId: event.id, updatedAt: sql`now()` },
    });
}

/** The facilities supply knows a zone for: the scopes of its daily jobs. */
export async function facilityScopes(db: DbOrTx): Promise<JobScope[]> {
  const rows = await db.select().from(facilityZone).orderBy(asc(facilityZone.facilityId));
  return rows.map((r) => ({ id: r.facilityId, timeZone: r.timezone }));
}
