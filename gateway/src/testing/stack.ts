import type { Role } from '@clinigraph/kit';
import { createTestDatabase, type GqlClient, gqlClient, type TestDatabase } from '@clinigraph/kit/testing';
import { DEMO_PASSWORD, type PeopleSeed } from '@clinigraph/people';
import { committedSupergraph } from '../compose/compose.ts';
import { seedDemo } from '../main/seed.ts';
import { type Stack, type StackOptions, startStack } from '../main/stack.ts';
import { type GatewayOptions, type RunningGateway, startGateway } from '../server.ts';

export interface TestStack extends Stack {
  db: TestDatabase;
  seed: PeopleSeed;
  graphqlUrl: string;
  /** An anonymous client. */
  anonymous: GqlClient;
  /** Signs in through the gateway as the first demo account with this role (or this e-mail). */
  as(who: Role | { email: string; password?: string }): Promise<GqlClient>;
  /** Another gateway on port 0 in front of the same subgraphs (own limits, production mode, other URLs…); closed by stop(). */
  extraGateway(options?: Partial<GatewayOptions>): Promise<RunningGateway>;
  stop(): Promise<void>;
}

const LOGIN = 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';

/** Test files sign in and call far more often than people do; the rate-limit tests set their own limits. */
const relaxedRateLimits = { perIp: 1_000_000, perUser: 1_000_000, auth: 1_000_000 };

/** The whole clinic on port 0 over this test file's own database, seeded with the demo data. */
export async function startTestStack(options: { gateway?: StackOptions['gateway'] } = {}): Promise<TestStack> {
  const db = await createTestDatabase();
  const stack = await startStack(db.database, {
    migrate: false,
    // No timers in tests: a test runs jobs deterministically with stack.jobs.runDue(now).
    jobs: 'manual',
    gateway: { ...options.gateway, rateLimits: { ...relaxedRateLimits, ...options.gateway?.rateLimits } },
  });
  const seed = await seedDemo(db.database.db);
  const graphqlUrl = `${stack.gateway.url}/graphql`;
  const anonymous = gqlClient(graphqlUrl);
  const extras: RunningGateway[] = [];
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
    extraGateway: async (gatewayOptions = {}) => {
      const gateway = await startGateway({
        supergraphSdl: committedSupergraph(),
        port: 0,
        // This test file's database (DATABASE_URL names the server's, not the file's): sessions and live events.
        database: db.database,
        ...gatewayOptions,
        serviceUrls: { ...Object.fromEntries(Object.values(stack.subgraphs).map((s) => [s.name, s.url])), ...gatewayOptions.serviceUrls },
        rateLimits: { ...relaxedRateLimits, ...gatewayOptions.rateLimits },
      });
      extras.push(gateway);
      return gateway;
    },
    stop: async () => {
      await Promise.all(extras.map((g) => g.close()));
      await stack.close();
      await db.drop();
    },
  };
}
