import type { DbOrTx } from '@clinigraph/kit';
import { and, inArray, type SQL, sql } from 'drizzle-orm';
import { appointment } from '../db/schema.ts';

/**
 * Active appointments whose busy time (buffers included) overlaps [from, to): the exclusion
 * constraint's own expression and predicate (migration 0002_no_overlap), so the query reads its GiST
 * index, bounded on both sides, instead of every earlier appointment of each provider.
 */
const busyDuring = (from: Date, to: Date): SQL =>
  sql`${appointment.status} not in ('cancelled', 'no_show')
    and scheduling.busy_range(${appointment.startsAt}, ${appointment.endsAt}, ${appointment.bufferBeforeMinutes}, ${appointment.bufferAfterMinutes})
      && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`;

/** The bookings that keep these providers busy at some time in [from, to), with their buffers. */
export const bookedDuring = (db: DbOrTx, providerIds: string[], from: Date, to: Date) =>
  db
    .select({
      providerId: appointment.providerId,
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
      before: appointment.bufferBeforeMinutes,
      after: appointment.bufferAfterMinutes,
    })
    .from(appointment)
    .where(and(inArray(appointment.providerId, providerIds), busyDuring(from, to)));
