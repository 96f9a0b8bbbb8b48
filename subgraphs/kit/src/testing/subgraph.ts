import type { GraphQLSchema } from 'graphql';
import { type SubgraphServer, startSubgraph } from '../server.ts';
import { type GqlClient, gqlClient } from './client.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface TestSubgraph extends TestDatabase {
  server: SubgraphServer;
  client(token?: string | null): GqlClient;
  close(): Promise<void>;
}

/** One subgraph on port 0 over its own fresh database: for subgraph-level tests (including `_entities`). */
export async function startTestSubgraph(name: string, schema: GraphQLSchema): Promise<TestSubgraph> {
  const testDb = await createTestDatabase();
  const server = await startSubgraph({ name, schema, database: testDb.database });
  return {
    ...testDb,
    server,
    client: (token = null) => gqlClient(server.url, token),
    close: async () => {
      await server.close();
      await testDb.drop();
    },
  };
}
