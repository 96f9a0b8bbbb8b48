import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { accessLog, requestIdOf } from './access-log.ts';
import { type Context, createContext } from './context.ts';
import type { Database } from './db/connect.ts';
import { pgErrorInfo, translateDbError } from './db/pg-errors.ts';
import { type RequestScope, requestScope } from './db/request-scope.ts';
import { DEADLINE_HEADER } from './deadline.ts';
import { AppError, ErrorCode, isClientSafeCode } from './errors.ts';
import { databaseCheck, mountHealth, type ReadinessCheck, readiness } from './health.ts';
import { subgraphHttpErrorHandler } from './http-errors.ts';
import { nulCharacterGuard } from './input-guard.ts';
import { internalCallGuard, keepRawBody, verifiedCallOf } from './internal-call-guard.ts';
import { log } from './log.ts';
import { graphqlMetricsPlugin } from './metrics/graphql.ts';
import { metricsHandler } from './metrics/registry.ts';
import { registerLocalService } from './peers.ts';
import { shutdownGraceFromEnv } from './shutdown.ts';
import { traceRequests } from './tracing/http.ts';
import { withVariableIssue } from './variable-errors.ts';

const production = process.env.NODE_ENV === 'production';

/** Shows typed errors as they are and masks everything else: no stack traces, no SQL, no internals. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return strip(formatted);
  if (pgErrorInfo(original)) {
    try {
      translateDbError(original);
    } catch (mapped) {
      if (mapped instanceof AppError) return { message: mapped.message, path: formatted.path, extensions: mapped.extensions };
    }
  }
  if (isClientSafeCode(formatted.extensions?.code) && original === error) return strip(withVariableIssue(formatted));
  log.error({ err: original, path: formatted.path }, 'unexpected error');
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

function strip(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}

/** Writes the request's queued audit entries before the response leaves, and reports its SQL count. */
const requestPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operationName }) {
        contextValue.audit.setOperation(operationName ?? null);
      },
      async willSendResponse({ contextValue, response }) {
        await contextValue.audit.flush(contextValue.db);
        if (!production && response.body.kind === 'single') {
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlCount: contextValue.scope.sqlCount };
        }
      },
    };
  },
};

export interface SubgraphServer {
  name: string;
  url: string;
  close(): Promise<void>;
}

export interface SubgraphOptions {
  name: string;
  schema: GraphQLSchema;
  database: Database;
  port?: number;
  host?: string;
  /** What /ready checks besides the database (migrations, keys: see health.ts). */
  readinessChecks?: ReadinessCheck[];
  /** How long close() lets in-flight requests finish before it cuts the connections (CLINIGRAPH_SHUTDOWN_GRACE_MS, 10 s). */
  shutdownGraceMs?: number;
}

/**
 * Serves one subgraph over HTTP: POST /graphql, GET /health, /ready and /metrics. Port 0 picks a free port.
 * /graphql answers only calls with the gateway's (or a peer subgraph's) assertion (internal-call-guard.ts).
 */
export async function startSubgraph({
  name,
  schema,
  database,
  port = 0,
  host = '127.0.0.1',
  readinessChecks = [],
  shutdownGraceMs = shutdownGraceFromEnv(),
}: SubgraphOptions): Promise<SubgraphServer> {
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    plugins: [requestPlugin, nulCharacterGuard, graphqlMetricsPlugin(name), ApolloServerPluginInlineTraceDisabled()],
    // The process that started it stops it: Apollo's own SIGTERM handler re-raises the signal mid-shutdown.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(accessLog(name));
  const ready = readiness([databaseCheck(database), ...readinessChecks]);
  mountHealth(app, name, ready);
  app.get('/metrics', metricsHandler);
  app.use(
    '/graphql',
    express.json({ limit: '1mb', verify: keepRawBody }),
    internalCallGuard(name),
    traceRequests(name),
    (_req, _res, next) => requestScope.run({ sqlCount: 0 } satisfies RequestScope, next),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        createContext(
          name,
          database,
          {
            authorization: req.headers.authorization,
            // The client IP as the gateway saw it, from the verified assertion: never a caller's X-Forwarded-For.
            ip: verifiedCallOf(res)?.ip ?? null,
            requestId: requestIdOf(req),
            userAgent: req.headers['user-agent'] ?? null,
            deadlineMs: req.headers[DEADLINE_HEADER],
          },
          requestScope.getStore() ?? { sqlCount: 0 },
        ),
    }),
  );
  app.use(subgraphHttpErrorHandler);

  const server = app.listen(port, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host}:${address.port}/graphql`;
  const unregister = registerLocalService(name, url);
  return {
    name,
    url,
    close: async () => {
      unregister();
      ready.stopping();
      // Stop accepting, let in-flight requests finish (a keep-alive connection closes as soon as it is idle), cut the rest after the grace period.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const cut = setTimeout(() => server.closeAllConnections(), shutdownGraceMs);
      await closed;
      clearInterval(sweep);
      clearTimeout(cut);
      await apollo.stop();
    },
  };
}
