import { migrationSet, type SubgraphModule } from '@clinigraph/kit';
import { schema } from './schema/index.ts';

export const scheduling: SubgraphModule = { name: 'scheduling', schema, migrations: migrationSet('scheduling'), defaultPort: 4003 };
export * from './seed.ts';
export { schema };
