import { fileURLToPath } from 'node:url';
import { connect, createJobRunner, useDevKeys } from '@clinigraph/kit';
import { remindersJob, schedulingJobs, waitlistExpiryJob } from './index.ts';

/**
 * `npm run reminders`: one run of the reminder job and the waitlist expiry job, then exit.
 * With DATABASE_URL it works on PostgreSQL (distributed mode). Without it, on the embedded data folder,
 * which only one process may open: stop `npm start` first (the running app runs both jobs itself).
 * E-mail addresses come from people at PEOPLE_URL (else localhost:4001), read with a service token people issues for
 * CLINIGRAPH_SERVICE_SECRET (or signed here when this process holds the key); without either, or when people cannot be
 * reached, e-mails stay pending.
 */
const url = process.env.DATABASE_URL;
const dataDir = process.env.CLINIGRAPH_DATA_DIR ?? fileURLToPath(new URL('../../../../.data/', import.meta.url));
if (!url) {
  const gateway = `http://127.0.0.1:${process.env.PORT ?? 4000}/health`;
  const busy = await fetch(gateway, { signal: AbortSignal.timeout(1000) }).then(
    () => true,
    () => false,
  );
  if (busy) {
    console.error(`The embedded app is running (${gateway}) and already runs reminders every few minutes. Stop it to run them from here.`);
    process.exit(1);
  }
  await useDevKeys(`${dataDir}/keys.json`);
}
const database = url ? await connect({ url, max: 2 }) : await connect({ dataDir: `${dataDir}/pglite` });
// A by-hand run of the same job definitions the subgraph schedules, outside their claimed periods (both are idempotent).
const jobs = createJobRunner('scheduling', database, schedulingJobs);
const [reminders] = await jobs.runNow(remindersJob);
const [waitlist] = await jobs.runNow(waitlistExpiryJob);
console.log(
  `reminders: ${reminders!.created} created, ${reminders!.mailed} e-mailed · waitlist: ${waitlist!.expired} offers expired, ${waitlist!.reoffered} passed on`,
);
await database.close();
