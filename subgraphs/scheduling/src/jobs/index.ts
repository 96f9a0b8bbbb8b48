import { idempotencyKeyExpiry, type JobDefinition, serviceUrl } from '@clinigraph/kit';
import { idempotencyKey } from '../db/schema.ts';
import { peopleDirectory } from '../services/contacts.ts';
import { runReminders } from '../services/reminders.ts';
import { expireWaitlistOffers } from '../services/waitlist-offers.ts';

/**
 * scheduling's jobs, run on the kit's job queue (pg-boss) wherever the subgraph runs: reminders (every 5 minutes,
 * CLINIGRAPH_REMINDER_EVERY_MS) and waitlist offer expiry (every minute, CLINIGRAPH_WAITLIST_EVERY_MS); both
 * intervals are whole minutes.
 */
export const remindersJob = {
  name: 'reminders',
  schedule: { every: Number(process.env.CLINIGRAPH_REMINDER_EVERY_MS ?? 5 * 60_000) },
  // It e-mails, which no transaction can take back; it is idempotent, so a retry after a failure half-way sends only what is left.
  claim: 'before-work',
  run: ({ db, now }) => runReminders(db, { now, contacts: peopleDirectory(serviceUrl('people')) }),
} satisfies JobDefinition;

export const waitlistExpiryJob = {
  name: 'waitlist-expiry',
  schedule: { every: Number(process.env.CLINIGRAPH_WAITLIST_EVERY_MS ?? 60_000) },
  run: ({ db, now }) => expireWaitlistOffers(db, now),
} satisfies JobDefinition;

export const schedulingJobs: JobDefinition[] = [remindersJob, waitlistExpiryJob, idempotencyKeyExpiry(idempotencyKey)];
