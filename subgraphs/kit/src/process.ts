import { startEventConsumers } from './consumers.ts';
import { connect } from './db/connect.ts';
import { startJobs } from './jobs/runner.ts';
import { log } from './log.ts';
import { startSubgraph } from './server.ts';
import type { SubgraphModule } from './subgraph.ts';

/**
 * Distributed mode: one subgraph as its own process over DATABASE_URL. Migrations are a separate
 * step (`npm run migrate`), so several replicas can start at once.
 */
export async function runSubgraphProcess(mod: SubgraphModule): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error(`${mod.name}: DATABASE_URL must be set in distributed mode`);
  const database = await connect({ url, max: Number(process.env.DB_POOL_SIZE ?? 10) });
  const server = await startSubgraph({
    name: mod.name,
    schema: mod.schema,
    database,
    port: Number(process.env.PORT ?? mod.defaultPort),
    host: process.env.HOST ?? '127.0.0.1',
  });
  const consumers = await startEventConsumers(mod.name, database, mod.consumers ?? []);
  const jobs = startJobs(mod.name, database, mod.jobs ?? []);
  log.info({ service: mod.name, url: server.url }, 'subgraph listening');
  const stop = async () => {
    await jobs.stop();
    await consumers.stop();
    await server.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
