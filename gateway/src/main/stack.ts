import { type Database, runMigrations, type SubgraphServer, startSubgraph } from '@clinigraph/kit';
import { committedSupergraph } from '../compose/compose.ts';
import { type RunningGateway, startGateway } from '../server.ts';
import { subgraphModules } from '../subgraphs.ts';

export interface Stack {
  gateway: RunningGateway;
  subgraphs: Record<string, SubgraphServer>;
  close(): Promise<void>;
}

/** The whole clinic in one process over one database: five subgraphs on free ports behind the gateway. */
export async function startStack(database: Database, { port = 0, host = '127.0.0.1', migrate = true } = {}): Promise<Stack> {
  if (migrate)
    await runMigrations(
      database,
      subgraphModules.map((m) => m.migrations),
    );
  const servers = await Promise.all(subgraphModules.map((m) => startSubgraph({ name: m.name, schema: m.schema, database })));
  const subgraphs = Object.fromEntries(servers.map((s) => [s.name, s]));
  const gateway = await startGateway({
    supergraphSdl: committedSupergraph(),
    serviceUrls: Object.fromEntries(servers.map((s) => [s.name, s.url])),
    port,
    host,
  });
  return {
    gateway,
    subgraphs,
    close: async () => {
      await gateway.close();
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
