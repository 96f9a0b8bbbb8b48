import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { AppError, bearerToken, ErrorCode, isClientSafeCode, log, verifyAccessToken } from '@clinigraph/kit';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from './context.ts';
import { fetchWithTimeout, IdentityForwardingDataSource, SUBGRAPH_TIMEOUT_MS } from './datasource.ts';
import { serveWeb } from './http/web.ts';

const production = process.env.NODE_ENV === 'production';

export interface GatewayOptions {
  supergraphSdl: string;
  /** Overrides the URLs recorded in the supergraph, by subgraph name. */
  serviceUrls?: Record<string, string>;
  port?: number;
  host?: string;
  subgraphTimeoutMs?: number;
}

export interface RunningGateway {
  url: string;
  httpServer: Server;
  close(): Promise<void>;
}

/** Subgraph errors keep their typed code and serviceName; anything untyped is masked. */
function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
  if (error instanceof AppError || isClientSafeCode(extensions.code) || extensions.serviceName) {
    if (extensions.code === ErrorCode.INTERNAL_SERVER_ERROR || !extensions.code) {
      return {
        message: extensions.serviceName ? `The ${extensions.serviceName} service failed` : 'Internal server error',
        path: formatted.path,
        extensions: { code: extensions.code ?? ErrorCode.INTERNAL_SERVER_ERROR, serviceName: extensions.serviceName },
      };
    }
    return { ...formatted, extensions };
  }
  log.error({ err: error }, 'gateway error');
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

function clientIp(req: express.Request): string | null {
  return req.socket.remoteAddress ?? null;
}

async function contextFor(req: express.Request): Promise<GatewayContext> {
  const token = bearerToken(req.headers.authorization);
  return {
    token,
    identity: token ? await verifyAccessToken(token) : null,
    ip: clientIp(req),
    requestId: randomUUID(),
  };
}

export async function startGateway({
  supergraphSdl,
  serviceUrls = {},
  port = 4000,
  host = '127.0.0.1',
  subgraphTimeoutMs = SUBGRAPH_TIMEOUT_MS,
}: GatewayOptions): Promise<RunningGateway> {
  const fetcher = fetchWithTimeout(subgraphTimeoutMs);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new IdentityForwardingDataSource({ url: serviceUrls[name] ?? url, fetcher }),
  });

  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 15 },
    maxTokens: { n: 2000 },
    costLimit: { maxCost: 5000 },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: production },
  });
  const protection = armor.protect();

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...protection,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    allowBatchedHttpRequests: false,
    plugins: [...protection.plugins],
    validationRules: [...protection.validationRules],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: ({ req }) => contextFor(req) }));
  serveWeb(app);

  httpServer.listen(port, host);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('listening', resolve);
    httpServer.once('error', reject);
  });
  const address = httpServer.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    httpServer,
    close: async () => {
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await apollo.stop();
    },
  };
}
