import { idempotencyKeyExpiry, type JobDefinition } from '@clinigraph/kit';
import { idempotencyKey } from './db/schema.ts';
import { checkExpiries } from './services/expiry.ts';
import { facilityScopes } from './services/facility-zones.ts';

/** When each facility's expiry check runs, in its own time zone: before the pharmacy opens. */
export const EXPIRY_CHECK_AT = '06:00';

/**
 * The daily expiry check, once per facility and local day across every replica. Its run completes in
 * the same transaction as the alerts and their stock.expiring events, so a crash leaves neither and
 * pg-boss runs the day again. "Expired" is measured against the facility's local date.
 */
export const expiryCheckJob = {
  name: 'expiry-check',
  schedule: { dailyAt: EXPIRY_CHECK_AT, scopes: facilityScopes },
  run: ({ db, scope, period }) => checkExpiries(db, scope!.id, null, period),
} satisfies JobDefinition;

export const supplyJobs: JobDefinition[] = [expiryCheckJob, idempotencyKeyExpiry(idempotencyKey)];
