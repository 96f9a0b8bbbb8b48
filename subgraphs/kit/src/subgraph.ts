import type { GraphQLSchema } from 'graphql';
import type { EventConsumer } from './consumers.ts';
import type { Database } from './db/connect.ts';
import type { MigrationSet } from './db/migrate.ts';
import type { JobDefinition } from './jobs/definition.ts';
import type { LiveField } from './live.ts';

/** What each subgraph package exports: enough for the gateway, compose, tests and the embedded runner. */
export interface SubgraphModule {
  name: string;
  schema: GraphQLSchema;
  migrations: MigrationSet;
  /** The port it listens on in distributed mode, and in the committed supergraph's URL. */
  defaultPort: number;
  /** Readers of the event log this subgraph runs (started with the subgraph, in-process). */
  consumers?: EventConsumer[];
  /** Subscription fields of its schema the gateway serves live, with their topics and filters. */
  liveFields?: LiveField[];
  /** Its scheduled jobs, run on pg-boss by whatever starts the subgraph (kit/src/jobs: exactly once across replicas). */
  jobs?: JobDefinition[];
}

export type { Database };

/** What the people seed created, handed to the other subgraphs' seeds as plain ids. */
export interface SeedRefs {
  facilityId: string;
  providerIds: string[];
  patientIds: string[];
}
