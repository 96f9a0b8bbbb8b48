import { fileURLToPath } from 'node:url';
import { connect, useDevKeys } from '@clinigraph/kit';
import { peopleDirectory } from '../services/contacts.ts';
import { runReminders } from '../services/reminders.ts';
import { expireWaitlistOffers } from '../services/waitlist-offers.ts';

/**
 * `npm run reminders`: one run of the reminder job and the waitlist expiry job, then exit.
 * With DATABASE_URL it works on PostgreSQL (distributed mode). Without it, on the embedded data folder,
 * which only one process may open: stop `npm start` first (the running app runs both jobs itself).
 * E-mail addresses come from people at PEOPLE_URL; when it cannot be reached, e-mails stay pending.
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
const peopleUrl = process.env.PEOPLE_URL ?? 'http://127.0.0.1:4001/graphql';
const reminders = await runReminders(database.db, { contacts: peopleDirectory(peopleUrl, 5000) });
const waitlist = await expireWaitlistOffers(database.db);
console.log(
  `reminders: ${reminders.created} created, ${reminders.mailed} e-mailed · waitlist: ${waitlist.expired} offers expired, ${waitlist.reoffered} passed on`,
);
await database.close();
