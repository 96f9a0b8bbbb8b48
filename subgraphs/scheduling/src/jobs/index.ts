import { type Database, log } from '@clinigraph/kit';
import type { ContactDirectory } from '../services/contacts.ts';
import { runReminders } from '../services/reminders.ts';
import { expireWaitlistOffers } from '../services/waitlist-offers.ts';

export interface SchedulingJobsOptions {
  contacts?: ContactDirectory | null;
  reminderEveryMs?: number;
  waitlistEveryMs?: number;
}

export interface RunningJobs {
  /** Runs both jobs once now (what `npm run reminders` does). */
  runOnce(): Promise<{ reminders: Awaited<ReturnType<typeof runReminders>>; waitlist: Awaited<ReturnType<typeof expireWaitlistOffers>> }>;
  stop(): Promise<void>;
}

/**
 * scheduling's in-process schedule: reminders (every 5 minutes by default) and waitlist offer expiry
 * (every 30 seconds). Each run is safe alongside another on a second process, so replicas may all run it.
 */
export function startSchedulingJobs(database: Database, options: SchedulingJobsOptions = {}): RunningJobs {
  const contacts = options.contacts ?? null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = running.then(job);
    running = next.catch(() => {});
    return next;
  };
  const reminders = () => serial(() => runReminders(database.db, { contacts }));
  const waitlist = () => serial(() => expireWaitlistOffers(database.db));
  const every = (ms: number, job: () => Promise<unknown>, name: string) => {
    const timer = setInterval(() => {
      if (!stopped) job().catch((err) => log.error({ err, job: name }, 'scheduling job failed'));
    }, ms);
    timer.unref();
    return timer;
  };
  const timers = [
    every(options.reminderEveryMs ?? Number(process.env.CLINIGRAPH_REMINDER_EVERY_MS ?? 5 * 60_000), reminders, 'reminders'),
    every(options.waitlistEveryMs ?? Number(process.env.CLINIGRAPH_WAITLIST_EVERY_MS ?? 30_000), waitlist, 'waitlist-expiry'),
  ];
  return {
    runOnce: async () => ({ reminders: await reminders(), waitlist: await waitlist() }),
    stop: async () => {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await running;
    },
  };
}
