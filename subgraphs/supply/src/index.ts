import { migrationSet, type SubgraphModule } from '@clinigraph/kit';
import { schema } from './schema/index.ts';

export const supply: SubgraphModule = { name: 'supply', schema, migrations: migrationSet('supply'), defaultPort: 4004 };
export * from './seed.ts';
export { schema };
