import { migrationSet, type SubgraphModule } from '@clinigraph/kit';
import { schedulingConsumers } from './consumers.ts';
import { schedulingJobs } from './jobs/index.ts';
import { schedulingLiveFields } from './live.ts';
import { schema } from './schema/index.ts';

export const scheduling: SubgraphModule = {
  name: 'scheduling',
  schema,
  migrations: migrationSet('scheduling'),
  defaultPort: 4003,
  liveFields: schedulingLiveFields,
  jobs: schedulingJobs,
  consumers: schedulingConsumers,
};
export { schedulingJobs } from './jobs/index.ts';
export * from './seed.ts';
export { type ContactDirectory, peopleDirectory } from './services/contacts.ts';
export { runReminders } from './services/reminders.ts';
export { expireWaitlistOffers } from './services/waitlist-offers.ts';
export { schema };
