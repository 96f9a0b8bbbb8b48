import { migrationSet, type SubgraphModule } from '@clinigraph/kit';
import { schema } from './schema/index.ts';

export const scheduling: SubgraphModule = { name: 'scheduling', schema, migrations: migrationSet('scheduling'), defaultPort: 4003 };
export { type RunningJobs, type SchedulingJobsOptions, startSchedulingJobs } from './jobs/index.ts';
export * from './seed.ts';
export { type ContactDirectory, peopleDirectory } from './services/contacts.ts';
export { runReminders } from './services/reminders.ts';
export { expireWaitlistOffers } from './services/waitlist-offers.ts';
export { schema };
