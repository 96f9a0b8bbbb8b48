import { currentKeyPems, log } from '@clinigraph/kit';
import { committedSupergraph } from '../compose/compose.ts';
import { startGateway } from '../server.ts';
import { subgraphModules } from '../subgraphs.ts';
import { requireEnv } from './env.ts';

/**
 * `npm run start:gateway`: the gateway as its own process in distributed mode. It serves the committed
 * supergraph; each subgraph's URL comes from <NAME>_URL (PEOPLE_URL, CARE_URL, …) or else the one the
 * supergraph records (http://localhost:400N/graphql). It verifies tokens with CLINIGRAPH_JWT_PUBLIC_KEY.
 */
requireEnv('CLINIGRAPH_JWT_PUBLIC_KEY', 'give the gateway the public key the people subgraph signs with (npm run keys)');
await currentKeyPems();
const serviceUrls: Record<string, string> = {};
for (const m of subgraphModules) {
  const url = process.env[`${m.name.toUpperCase()}_URL`];
  if (url) serviceUrls[m.name] = url;
}
const gateway = await startGateway({
  supergraphSdl: committedSupergraph(),
  serviceUrls,
  port: Number(process.env.PORT ?? 4000),
  host: process.env.HOST ?? '127.0.0.1',
});
log.info({ url: gateway.url, serviceUrls }, 'gateway listening');

const stop = async () => {
  await gateway.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
