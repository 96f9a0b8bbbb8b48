import { type Database, type RunningConsumers, runMigrations, type SubgraphServer, startEventConsumers, startSubgraph } from '@clinigraph/kit';
import { committedSupergraph } from '../compose/compose.ts';
import { type GatewayOptions, type RunningGateway, startGateway } from '../server.ts';
import { subgraphModules } from '../subgraphs.ts';

export interface Stack {
  gateway: RunningGateway;
  subgraphs: Record<string, SubgraphServer>;
  /** Every subgraph's event consumers; `drain()` waits until they have processed all committed events. */
  consumers: RunningConsumers;
  close(): Promise<void>;
}

export interface StackOptions {
  port?: number;
  host?: string;
  migrate?: boolean;
  /** Gateway settings beyond where it listens and where the subgraphs are (limits, production mode…). */
  gateway?: Omit<GatewayOptions, 'supergraphSdl' | 'serviceUrls' | 'port' | 'host'>;
}

/** The whole clinic in one process over one database: five subgraphs on free ports behind the gateway. */
export async function startStack(
  database: Database,
  { port = 0, host = '127.0.0.1', migrate = true, gateway: gatewayOptions }: StackOptions = {},
): Promise<Stack> {
  if (migrate)
    await runMigrations(
      database,
      subgraphModules.map((m) => m.migrations),
    );
  const servers = await Promise.all(subgraphModules.map((m) => startSubgraph({ name: m.name, schema: m.schema, database })));
  const subgraphs = Object.fromEntries(servers.map((s) => [s.name, s]));
  const running = await Promise.all(subgraphModules.map((m) => startEventConsumers(m.name, database, m.consumers ?? [])));
  const consumers: RunningConsumers = {
    drain: async () => {
      await Promise.all(running.map((c) => c.drain()));
    },
    stop: async () => {
      await Promise.all(running.map((c) => c.stop()));
    },
  };
  const gateway = await startGateway({
    database,
    ...gatewayOptions,
    supergraphSdl: committedSupergraph(),
    serviceUrls: Object.fromEntries(servers.map((s) => [s.name, s.url])),
    port,
    host,
  });
  return {
    gateway,
    subgraphs,
    consumers,
    close: async () => {
      await consumers.stop();
      await gateway.close();
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
