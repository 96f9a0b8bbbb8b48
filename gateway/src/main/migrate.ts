import { connect, runMigrations, validateEnvironment } from '@clinigraph/kit';
import { subgraphModules } from '../subgraphs.ts';

/**
 * `npm run migrate`: applies every subgraph's migrations (kit first) to DATABASE_URL. Distributed mode
 * runs this once before the subgraphs start, so replicas never race to migrate.
 */
const url = validateEnvironment('migrate').DATABASE_URL!;
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
