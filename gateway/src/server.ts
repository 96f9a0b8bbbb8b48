import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { accessLog, type Database, mountHealth, type ReadinessCheck, readiness, requestIdOf, shutdownGraceFromEnv } from '@clinigraph/kit';
import { graphqlMetricsPlugin } from '@clinigraph/kit/metrics/graphql';
import { metricsHandler } from '@clinigraph/kit/metrics/registry';
import { traceRequests } from '@clinigraph/kit/tracing/http';
import express from 'express';
import { type GatewayContext, gatewayContext } from './context.ts';
import { fetchWithTimeout, IdentityForwardingDataSource, SUBGRAPH_TIMEOUT_MS } from './datasource.ts';
import { formatError } from './errors.ts';
import { authenticate, callerOf } from './http/authenticate.ts';
import { clientIpOf } from './http/client-ip.ts';
import { httpErrorHandler } from './http/errors.ts';
import { defaultRateLimits, type RateLimits, rateLimiters } from './http/rate-limit.ts';
import { subgraphChecks } from './http/ready.ts';
import { securityHeaders } from './http/security-headers.ts';
import { gatewayDatabase } from './http/session-database.ts';
import { serveWeb } from './http/web.ts';
import { limitSettings } from './limits.ts';
import { attachLiveSubscriptions } from './live/index.ts';
import type { LiveLimits } from './live/settings.ts';
import { sqlCountPlugin } from './sql-count.ts';
import { measuredFetcher } from './subgraph-metrics.ts';

export interface GatewayOptions {
  supergraphSdl: string;
  /** Overrides the URLs recorded in the supergraph, by subgraph name. */
  serviceUrls?: Record<string, string>;
  port?: number;
  host?: string;
  subgraphTimeoutMs?: number;
  /** No introspection and no field suggestions. Defaults to NODE_ENV === 'production'. */
  production?: boolean;
  rateLimits?: Partial<RateLimits>;
  /** Express's `trust proxy` setting, so the client IP is read from X-Forwarded-For behind a proxy. */
  trustProxy?: boolean | number | string;
  /** The database whose event log feeds live subscriptions (embedded: the process's own; otherwise DATABASE_URL). */
  database?: Database | null;
  /** What /ready checks besides every subgraph's /ready (e.g. the token keys). */
  readinessChecks?: ReadinessCheck[];
  /** How long close() lets in-flight requests finish before it cuts the connections (CLINIGRAPH_SHUTDOWN_GRACE_MS, 10 s). */
  shutdownGraceMs?: number;
  /** Where people open the app (CLINIGRAPH_PUBLIC_URL); an https URL means TLS in front, so HSTS on every response. */
  publicUrl?: string;
  /** Connection, message and subscription limits of the websocket endpoint (live/settings.ts has the defaults). */
  live?: Partial<LiveLimits>;
}

export interface RunningGateway {
  url: string;
  /** The HTTP server; the graphql-ws server attaches here, on the same port and path. */
  httpServer: Server;
  /** For operations run in process (e.g. live payloads) with `gatewayContext(caller)`. */
  apollo: ApolloServer<GatewayContext>;
  close(): Promise<void>;
}

const trustProxyFromEnv = () => {
  const value = process.env.CLINIGRAPH_TRUST_PROXY;
  if (!value) return false;
  return /^\d+$/.test(value) ? Number(value) : value;
};

export async function startGateway({
  supergraphSdl,
  serviceUrls = {},
  port = 4000,
  host = '127.0.0.1',
  subgraphTimeoutMs = SUBGRAPH_TIMEOUT_MS,
  production = process.env.NODE_ENV === 'production',
  rateLimits,
  trustProxy = trustProxyFromEnv(),
  database,
  readinessChecks = [],
  shutdownGraceMs = shutdownGraceFromEnv(),
  publicUrl = process.env.CLINIGRAPH_PUBLIC_URL,
  live: liveLimits,
}: GatewayOptions): Promise<RunningGateway> {
  const fetcher = fetchWithTimeout(subgraphTimeoutMs);
  /** Where each subgraph answers, as the gateway learns it while loading the supergraph (for /ready). */
  const routes = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      routes.set(name, serviceUrls[name] ?? url!);
      return new IdentityForwardingDataSource(name, { url: serviceUrls[name] ?? url, fetcher: measuredFetcher(name, fetcher) });
    },
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  app.use(securityHeaders({ publicUrl }));
  app.use(accessLog('gateway'));
  const httpServer = createServer(app);
  const limits = limitSettings(production);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    allowBatchedHttpRequests: false,
    // No automatic persisted queries: a hash-only request carries no query text for the sign-in limit to read (web/ sends full documents).
    persistedQueries: false,
    plugins: [
      ...limits.plugins,
      ...(production ? [] : [sqlCountPlugin]),
      graphqlMetricsPlugin('gateway'),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: shutdownGraceMs }),
      // Apollo's Sandbox page runs inline and third-party scripts, which the Content-Security-Policy refuses.
      ApolloServerPluginLandingPageDisabled(),
    ],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    /** The process that started the gateway decides when to stop it (Apollo's own SIGTERM handler re-raises the signal mid-shutdown). */
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const sessionsDb = await gatewayDatabase(database);
  const limiters = rateLimiters({ ...defaultRateLimits(), ...rateLimits });
  const ready = readiness([...subgraphChecks(routes), ...readinessChecks]);
  mountHealth(app, 'gateway', ready);
  app.get('/metrics', metricsHandler);
  app.use(
    '/graphql',
    limiters.perIp,
    express.json({ limit: '1mb' }),
    traceRequests('gateway'),
    limiters.auth,
    authenticate(sessionsDb.database),
    limiters.perUser,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => gatewayContext(callerOf(res), req.ip ?? null, requestIdOf(req), req.headers['user-agent'] ?? null),
    }),
  );
  serveWeb(app);
  app.use(httpErrorHandler);

  const live = await attachLiveSubscriptions(httpServer, {
    apollo,
    schema: () => gateway.schema,
    database: sessionsDb.database,
    limits: liveLimits,
    rules: { production, validationRules: limits.validationRules },
    clientIp: clientIpOf(app),
    rateLimit: limiters.socket,
  });

  httpServer.listen(port, host);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('listening', resolve);
    httpServer.once('error', reject);
  });
  const address = httpServer.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    httpServer,
    apollo,
    // Fails /ready; Apollo's drain stops accepting at once, lets in-flight requests finish within the grace period and
    // only then cuts what is left; meanwhile live sockets close with 1012 (clients reconnect elsewhere).
    close: async () => {
      ready.stopping();
      const draining = apollo.stop();
      await live.close();
      await draining;
      await sessionsDb.close();
    },
  };
}
