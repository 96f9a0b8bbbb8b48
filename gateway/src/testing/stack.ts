import type { Role } from '@clinigraph/kit';
import { createTestDatabase, type GqlClient, gqlClient, type TestDatabase } from '@clinigraph/kit/testing';
import { DEMO_PASSWORD, type PeopleSeed } from '@clinigraph/people';
import { seedDemo } from '../main/seed.ts';
import { type Stack, startStack } from '../main/stack.ts';

export interface TestStack extends Stack {
  db: TestDatabase;
  seed: PeopleSeed;
  graphqlUrl: string;
  /** An anonymous client. */
  anonymous: GqlClient;
  /** Signs in through the gateway as the first demo account with this role (or this e-mail). */
  as(who: Role | { email: string; password?: string }): Promise<GqlClient>;
  stop(): Promise<void>;
}

const LOGIN = 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';

/** The whole clinic on port 0 over this test file's own database, seeded with the demo data. */
export async function startTestStack(): Promise<TestStack> {
  const db = await createTestDatabase();
  const stack = await startStack(db.database, { migrate: false });
  const seed = await seedDemo(db.database.db);
  const graphqlUrl = `${stack.gateway.url}/graphql`;
  const anonymous = gqlClient(graphqlUrl);
  return {
    ...stack,
    db,
    seed,
    graphqlUrl,
    anonymous,
    as: async (who) => {
      const email = typeof who === 'string' ? seed.logins.find((l) => l.role === who)?.email : who.email;
      if (!email) throw new Error(`no demo login for ${String(who)}`);
      const password = typeof who === 'string' ? DEMO_PASSWORD : (who.password ?? DEMO_PASSWORD);
      const { login } = await anonymous.data<{ login: { accessToken: string } }>(LOGIN, { email, password });
      return gqlClient(graphqlUrl, login.accessToken);
    },
    stop: async () => {
      await stack.close();
      await db.drop();
    },
  };
}
