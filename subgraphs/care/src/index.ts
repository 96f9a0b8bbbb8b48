import { migrationSet, type SubgraphModule } from '@clinigraph/kit';
import { careConsumers } from './consumers.ts';
import { careLiveFields } from './live.ts';
import { schema } from './schema/index.ts';

export const care: SubgraphModule = {
  name: 'care',
  schema,
  migrations: migrationSet('care'),
  defaultPort: 4002,
  consumers: careConsumers,
  liveFields: careLiveFields,
};
export * from './live.ts';
export * from './seed.ts';
export { careConsumers, schema };
