import { migrationSet, type SubgraphModule } from '@clinigraph/kit';
import { peopleConsumers } from './consumers.ts';
import { schema } from './schema/index.ts';

export const people: SubgraphModule = { name: 'people', schema, migrations: migrationSet('people'), defaultPort: 4001, consumers: peopleConsumers };
export * from './first-admin.ts';
export * from './seed.ts';
export { schema };
