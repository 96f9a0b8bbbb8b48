import { migrationSet, type SubgraphModule } from '@clinigraph/kit';
import { schema } from './schema/index.ts';

export const care: SubgraphModule = { name: 'care', schema, migrations: migrationSet('care'), defaultPort: 4002 };
export { schema };
