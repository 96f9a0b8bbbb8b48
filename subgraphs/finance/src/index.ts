import { migrationSet, type SubgraphModule } from '@clinigraph/kit';
import { schema } from './schema/index.ts';

export const finance: SubgraphModule = { name: 'finance', schema, migrations: migrationSet('finance'), defaultPort: 4005 };
export * from './seed.ts';
export { schema };
