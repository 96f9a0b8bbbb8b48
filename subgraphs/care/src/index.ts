import { migrationSet, type SubgraphModule } from '@clinigraph/kit';
import { careConsumers } from './consumers.ts';
import { schema } from './schema/index.ts';

export const care: SubgraphModule = { name: 'care', schema, migrations: migrationSet('care'), defaultPort: 4002, consumers: careConsumers };
export * from './live.ts';
export * from './seed.ts';
export { careConsumers, schema };
