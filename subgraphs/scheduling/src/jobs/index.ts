import { type JobDefinition, serviceUrl } from '@clinigraph/kit';
import { peopleDirectory } from '../services/contacts.ts';
import { runReminders } from '../services/reminders.ts';
import { expireWaitlistOffers } from '../services/waitlist-offers.ts';

/**
 * scheduling's jobs, run by the kit's job runner wherever the subgraph runs: reminders (every 5 minutes,
 * CLINIGRAPH_REMINDER_EVERY_MS) and waitlist offer expiry (every 30 seconds, CLINIGRAPH_WAITLIST_EVERY_MS).
 */
export const remindersJob = {
  name: 'reminders',
  schedule: { every: Number(process.env.CLINIGRAPH_REMINDER_EVERY_MS ?? 5 * 60_000) },
  // It e-mails, which no transaction can take back; it is idempotent, and the next window catches up after a crash.
  claim: 'before-work',
  run: ({ db, now }) => runReminders(db, { now, contacts: peopleDirectory(serviceUrl('people')) }),
} satisfies JobDefinition;

export const waitlistExpiryJob = {
  name: 'waitlist-expiry',
  schedule: { every: Number(process.env.CLINIGRAPH_WAITLIST_EVERY_MS ?? 30_000) },
  run: ({ db, now }) => expireWaitlistOffers(db, now),
} satisfies JobDefinition;

export const schedulingJobs: JobDefinition[] = [remindersJob, waitlistExpiryJob];
