import { startEventConsumers } from './consumers.ts';
import { connect } from './db/connect.ts';
import { validateEnvironment } from './env.ts';
import { keysCheck, migrationsCheck } from './health.ts';
import { startJobs } from './jobs/runner.ts';
import { log } from './log.ts';
import { startSubgraph } from './server.ts';
import { shutdownGraceFromEnv, stopOnSignals } from './shutdown.ts';
import type { SubgraphModule } from './subgraph.ts';
import { startTracing } from './tracing/setup.ts';

/**
 * Distributed mode: one subgraph as its own process over DATABASE_URL. Migrations are a separate
 * step (`npm run migrate`), so several replicas can start at once; /ready fails until they are applied
 * and the token keys are set. SIGTERM finishes in-flight requests (CLINIGRAPH_SHUTDOWN_GRACE_MS) and exits.
 */
export async function runSubgraphProcess(mod: SubgraphModule): Promise<void> {
  const env = validateEnvironment('subgraph');
  // Spans go to OTEL_EXPORTER_OTLP_ENDPOINT when it is set; otherwise tracing stays off.
  const stopTracing = startTracing(mod.name);
  const database = await connect({ url: env.DATABASE_URL!, max: Number(env.DB_POOL_SIZE ?? 10) });
  const graceMs = shutdownGraceFromEnv();
  const server = await startSubgraph({
    name: mod.name,
    schema: mod.schema,
    database,
    port: Number(env.PORT ?? mod.defaultPort),
    // A private interface: only the gateway and peer subgraphs call it (with their assertion, see auth/internal-call.ts).
    host: env.SUBGRAPH_HOST ?? env.HOST ?? '127.0.0.1',
    readinessChecks: [migrationsCheck(database, [mod.migrations]), keysCheck()],
    shutdownGraceMs: graceMs,
  });
  const consumers = await startEventConsumers(mod.name, database, mod.consumers ?? []);
  // pg-boss: its cron tick and this subgraph's workers, unless CLINIGRAPH_JOBS=off.
  const jobs = await startJobs(mod.name, database, mod.jobs ?? []);
  log.info({ service: mod.name, url: server.url }, 'subgraph listening');
  stopOnSignals(
    mod.name,
    async () => {
      await server.close();
      // Running jobs get the same grace as requests; pg-boss fails what is left, for a retry elsewhere.
      await jobs.stop(graceMs);
      await consumers.stop();
      await database.close();
      await stopTracing();
    },
    graceMs,
  );
}
