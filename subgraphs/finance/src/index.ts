import { idempotencyKeyExpiry, migrationSet, type SubgraphModule } from '@clinigraph/kit';
import { idempotencyKey } from './db/schema.ts';
import { schema } from './schema/index.ts';
import { financeConsumers } from './services/consumers.ts';

export const finance: SubgraphModule = {
  name: 'finance',
  schema,
  migrations: migrationSet('finance'),
  defaultPort: 4005,
  consumers: financeConsumers,
  jobs: [idempotencyKeyExpiry(idempotencyKey)],
};
export * from './seed.ts';
export { financeConsumers, schema };
