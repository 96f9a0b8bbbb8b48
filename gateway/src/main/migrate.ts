import { connect, runMigrations } from '@clinigraph/kit';
import { subgraphModules } from '../subgraphs.ts';
import { requireEnv } from './env.ts';

/**
 * `npm run migrate`: applies every subgraph's migrations (kit first) to DATABASE_URL. Distributed mode
 * runs this once before the subgraphs start, so replicas never race to migrate.
 */
const url = requireEnv('DATABASE_URL', 'point it at the PostgreSQL database to migrate, e.g. postgres://postgres@127.0.0.1:5432/clinigraph');
const started = Date.now();
const database = await connect({ url, max: 1 });
try {
  await runMigrations(
    database,
    subgraphModules.map((m) => m.migrations),
  );
  console.log(`migrations applied for kit, ${subgraphModules.map((m) => m.name).join(', ')} in ${Date.now() - started} ms`);
} finally {
  await database.close();
}
