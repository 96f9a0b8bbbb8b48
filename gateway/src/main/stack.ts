import {
  announceGatewayUrl,
  createJobRunner,
  type Database,
  type JobRunner,
  type JobRunReport,
  jobTimersEnabled,
  migrationsCheck,
  type RunningConsumers,
  runMigrations,
  type SubgraphServer,
  startEventConsumers,
  startSubgraph,
} from '@clinigraph/kit';
import { committedSupergraph } from '../compose/compose.ts';
import { type GatewayOptions, type RunningGateway, startGateway } from '../server.ts';
import { subgraphModules } from '../subgraphs.ts';

export interface Stack {
  gateway: RunningGateway;
  subgraphs: Record<string, SubgraphServer>;
  /** Every subgraph's event consumers; `drain()` waits until they have processed all committed events. */
  consumers: RunningConsumers;
  /** Every subgraph's scheduled jobs. */
  jobs: StackJobs;
  close(): Promise<void>;
}

export interface StackJobs {
  /** Sends every subgraph's runs due at `now` and runs what waits in their queues, one subgraph after another. */
  runDue(now?: Date): Promise<JobRunReport[]>;
  /** One subgraph's runner (for runNow). */
  of(subgraph: string): JobRunner;
}

export interface StackOptions {
  port?: number;
  host?: string;
  migrate?: boolean;
  /** Gateway settings beyond where it listens and where the subgraphs are (limits, production mode…). */
  gateway?: Omit<GatewayOptions, 'supergraphSdl' | 'serviceUrls' | 'port' | 'host'>;
  /** 'timers' (default): jobs tick on their own unless CLINIGRAPH_JOBS=off. 'manual': only `jobs.runDue` runs them (tests). */
  jobs?: 'timers' | 'manual';
}

/** The whole clinic in one process over one database: five subgraphs on free ports behind the gateway. */
export async function startStack(
  database: Database,
  { port = 0, host = '127.0.0.1', migrate = true, gateway: gatewayOptions, jobs: jobMode = 'timers' }: StackOptions = {},
): Promise<Stack> {
  if (migrate)
    await runMigrations(
      database,
      subgraphModules.map((m) => m.migrations),
    );
  const servers = await Promise.all(
    subgraphModules.map((m) => startSubgraph({ name: m.name, schema: m.schema, database, readinessChecks: [migrationsCheck(database, [m.migrations])] })),
  );
  const subgraphs = Object.fromEntries(servers.map((s) => [s.name, s]));
  const running = await Promise.all(subgraphModules.map((m) => startEventConsumers(m.name, database, m.consumers ?? [])));
  const lastEventId = async () => String((await database.query<{ id: string | null }>('select max(id)::text as id from events.log'))[0]?.id ?? 0);
  const consumers: RunningConsumers = {
    // A consumer may emit events another consumes (a closed encounter completes the appointment, which
    // finance charges), so drain rounds until one adds no event to the log.
    drain: async () => {
      for (let before = await lastEventId(); ; ) {
        await Promise.all(running.map((c) => c.drain()));
        const after = await lastEventId();
        if (after === before) return;
        before = after;
      }
    },
    stop: async () => {
      await Promise.all(running.map((c) => c.stop()));
    },
  };
  const runners = new Map(subgraphModules.map((m) => [m.name, createJobRunner(m.name, database, m.jobs ?? [])]));
  if (jobMode === 'timers' && jobTimersEnabled()) await Promise.all([...runners.values()].map((runner) => runner.start()));
  const jobs: StackJobs = {
    runDue: async (now) => {
      const reports: JobRunReport[] = [];
      for (const runner of runners.values()) reports.push(...(await runner.runDue(now)));
      return reports;
    },
    of: (subgraph) => {
      const runner = runners.get(subgraph);
      if (!runner) throw new Error(`No subgraph named ${subgraph}`);
      return runner;
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
  // Links in mails (password reset) reach this gateway unless CLINIGRAPH_PUBLIC_URL says otherwise.
  announceGatewayUrl(gateway.url);
  return {
    gateway,
    subgraphs,
    consumers,
    jobs,
    close: async () => {
      await Promise.all([...runners.values()].map((r) => r.stop()));
      await consumers.stop();
      await gateway.close();
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
