import { migrationSet, type SubgraphModule } from '@clinigraph/kit';
import { supplyConsumers } from './consumers.ts';
import { supplyJobs } from './jobs.ts';
import { supplyLiveFields } from './live.ts';
import { schema } from './schema/index.ts';

export const supply: SubgraphModule = {
  name: 'supply',
  schema,
  migrations: migrationSet('supply'),
  defaultPort: 4004,
  liveFields: supplyLiveFields,
  consumers: supplyConsumers,
  jobs: supplyJobs,
};
export * from './seed.ts';
export { schema };
