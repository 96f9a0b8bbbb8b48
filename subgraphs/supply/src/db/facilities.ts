import { bigint, text, uuid } from 'drizzle-orm/pg-core';
import { supply, updatedAt } from './namespace.ts';

/**
 * Each facility's IANA time zone, as people last announced it (facility.changed). People owns facilities;
 * supply keeps this copy so its daily expiry check counts each facility's local day without calling
 * people at run time. `event_id` is the log entry it came from.
 */
export const facilityZone = supply.table('facility_zone', {
  facilityId: uuid('facility_id').primaryKey(),
  timezone: text('timezone').notNull(),
  eventId: bigint('event_id', { mode: 'bigint' }).notNull(),
  updatedAt: updatedAt(),
});
