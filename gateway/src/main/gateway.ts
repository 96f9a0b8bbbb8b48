import { currentKeyPems, keysCheck, log, stopOnSignals, validateEnvironment } from '@clinigraph/kit';
import { startTracing } from '@clinigraph/kit/tracing/setup';
import { committedSupergraph } from '../compose/compose.ts';
import { startGateway } from '../server.ts';
import { subgraphModules } from '../subgraphs.ts';

/**
 * The gateway as its own process in distributed mode (`node --import tsx gateway/src/main/gateway.ts`, or
 * `npm run start:gateway`). It serves the committed supergraph; each subgraph's URL comes from <NAME>_URL
 * (PEOPLE_URL, CARE_URL, …) or else the one the supergraph records (http://localhost:400N/graphql). It
 * verifies tokens with CLINIGRAPH_JWT_PUBLIC_KEY. SIGTERM drains it (CLINIGRAPH_SHUTDOWN_GRACE_MS) and exits.
 */
const env = validateEnvironment('gateway');
await currentKeyPems();
// Spans go to OTEL_EXPORTER_OTLP_ENDPOINT when it is set; otherwise tracing stays off.
const stopTracing = startTracing('gateway');
const serviceUrls: Record<string, string> = {};
for (const m of subgraphModules) {
  const url = process.env[`${m.name.toUpperCase()}_URL`];
  if (url) serviceUrls[m.name] = url;
}
const gateway = await startGateway({
  supergraphSdl: committedSupergraph(),
  serviceUrls,
  port: Number(env.PORT ?? 4000),
  host: env.HOST ?? '127.0.0.1',
  readinessChecks: [keysCheck()],
});
log.info({ url: gateway.url, serviceUrls }, 'gateway listening');

stopOnSignals('gateway', async () => {
  await gateway.close();
  await stopTracing();
});
