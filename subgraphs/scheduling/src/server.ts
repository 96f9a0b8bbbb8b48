import { connect, runSubgraphProcess } from '@clinigraph/kit';
import { scheduling } from './index.ts';
import { startSchedulingJobs } from './jobs/index.ts';
import { peopleDirectory } from './services/contacts.ts';

await runSubgraphProcess(scheduling);

// The reminder and waitlist-expiry schedule runs beside the subgraph; every replica may run it.
if (process.env.CLINIGRAPH_JOBS !== 'off' && process.env.DATABASE_URL) {
  const database = await connect({ url: process.env.DATABASE_URL, max: 2 });
  startSchedulingJobs(database, { contacts: peopleDirectory(process.env.PEOPLE_URL ?? 'http://127.0.0.1:4001/graphql') });
}
