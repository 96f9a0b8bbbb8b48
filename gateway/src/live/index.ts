import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { ApolloServer } from '@apollo/server';
import {
  AppError,
  bearerToken,
  connect,
  type Database,
  ErrorCode,
  type EventRow,
  type Identity,
  type LiveField,
  log,
  verifyAccessToken,
} from '@clinigraph/kit';
import { EventTail } from '@clinigraph/kit/event-tail';
import type { DocumentNode, ExecutionArgs, ExecutionResult, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { type GatewayContext, gatewayContext } from '../context.ts';
import { subgraphModules } from '../subgraphs.ts';
import { Limiter } from './limiter.ts';
import { EVENT_ID_VARIABLE, subscriptionAsQuery } from './rewrite.ts';
import { BacklogExceeded, LiveStream, SessionExpired } from './stream.ts';

export type { LiveField } from '@clinigraph/kit';

/**
 * graphql-js as @apollo/gateway and graphql-ws load it (CommonJS). Under a bundler-style resolver (the
 * test runner) an ESM import can load graphql's second build, whose classes fail the other's instanceof
 * checks ("Cannot use GraphQLSchema from another module or realm"); requiring it keeps one realm.
 */
const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const { GraphQLError, getArgumentValues, getOperationAST, Kind, OperationTypeNode, parse, print, specifiedRules, validate } = graphql;
type GraphQLError = import('graphql').GraphQLError;

/** An error graphql-ws accepts (its own realm's GraphQLError), keeping message and extensions. */
const asWsError = (err: { message: string; extensions?: Record<string, unknown> }): GraphQLError =>
  new GraphQLError(err.message, { extensions: err.extensions ?? {} });
const isGraphQLErrorLike = (err: unknown): err is { message: string; extensions: Record<string, unknown> } =>
  err instanceof Error && typeof (err as { extensions?: unknown }).extensions === 'object';

const CLOSE_SERVICE_RESTART = 1012;
/** How long a closing socket may take to answer the close handshake before it is cut. */
const CLOSE_HANDSHAKE_MS = 1_000;

/** Every field served live: each subgraph declares the fields in its schema and lists them, with topics and filters, in its module. */
export const liveFields: LiveField[] = subgraphModules.flatMap((m) => m.liveFields ?? []);

export interface LiveOptions {
  /** The gateway's Apollo Server: each event is resolved as a query through it, in process. */
  apollo: ApolloServer<GatewayContext>;
  /** The supergraph's API schema, which subscriptions are validated against. */
  schema: () => GraphQLSchema | undefined;
  /** The database whose event log feeds subscriptions. Without one, DATABASE_URL is used when set. */
  database?: Database | null;
  fields?: LiveField[];
  path?: string;
  /** How many event resolutions run at once across all subscribers. */
  concurrency?: number;
  maxSubscriptionsPerConnection?: number;
}

export interface LiveServer {
  /** The event reader, or null when live updates are unavailable (no database). */
  readonly tail: EventTail | null;
  close(): Promise<void>;
}

interface Caller {
  token: string;
  identity: Identity;
  expiresAt: number;
}

type ConnectionState = {
  caller: Caller | null;
  /** Ids of this connection's live subscriptions. */
  subscriptions: Set<string>;
};

interface Prepared {
  stream(): LiveStream<ExecutionResult>;
}

interface LiveContext {
  caller: Caller | null;
  ip: string | null;
  prepared?: Prepared;
}

const gqlError = (code: string, message: string) => new GraphQLError(message, { extensions: { code } });

function expiryOf(token: string): number {
  try {
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: number };
    return typeof exp === 'number' ? exp * 1000 : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

async function callerFrom(params: Record<string, unknown> | undefined): Promise<Caller | null> {
  const raw = params?.authorization ?? params?.Authorization ?? params?.token;
  if (typeof raw !== 'string' || !raw) return null;
  const token = bearerToken(raw) ?? raw;
  return { token, identity: await verifyAccessToken(token), expiresAt: expiryOf(token) };
}

async function eventDatabase(given: Database | null | undefined): Promise<{ database: Database | null; owned: boolean }> {
  if (given) return { database: given, owned: false };
  const url = process.env.DATABASE_URL;
  if (!url) return { database: null, owned: false };
  return { database: await connect({ url, max: 4, name: 'live' }), owned: true };
}

/**
 * Live subscriptions on the gateway's HTTP server, at the same path as queries, over graphql-ws.
 * @apollo/gateway cannot execute subscriptions, so each one becomes: verify the caller's token, map
 * the field to topics and a filter (authorised up front), replay the log after the client's cursor,
 * then follow it live; and for every event that passes, run the subscriber's selection as a query
 * through the gateway with the subscriber's identity, so federated fields and each subgraph's
 * authorisation apply to live payloads exactly as to queries.
 */
export async function attachLiveSubscriptions(httpServer: Server, options: LiveOptions): Promise<LiveServer> {
  const { apollo, path = '/graphql', concurrency = 32, maxSubscriptionsPerConnection = 25 } = options;
  const fields = new Map((options.fields ?? liveFields).map((f) => [f.field, f]));
  const limiter = new Limiter(concurrency);
  const { database, owned } = await eventDatabase(options.database);
  let tail: EventTail | null = null;
  try {
    tail = database ? await EventTail.start(database) : null;
  } catch (err) {
    log.warn({ err }, 'live subscriptions are unavailable: the event log cannot be read');
    if (owned) await database?.close();
  }

  function prepare(
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown>,
    ctx: LiveContext,
  ) {
    const operation = getOperationAST(document, operationName)!;
    const node = operation.selectionSet.selections[0];
    if (node?.kind !== Kind.FIELD) throw gqlError(ErrorCode.BAD_USER_INPUT, 'Select the subscription field directly, not through a fragment');
    const field = fields.get(node.name.value);
    if (!field) throw gqlError(ErrorCode.BAD_USER_INPUT, `${node.name.value} is not served live`);
    if (!tail || !database) throw gqlError(ErrorCode.INTERNAL_SERVER_ERROR, 'Live updates are unavailable');
    const caller = ctx.caller;
    if (!caller) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Subscriptions need a token in connectionParams.authorization');
    const definition = schema.getSubscriptionType()?.getFields()[node.name.value];
    if (!definition) throw gqlError(ErrorCode.BAD_USER_INPUT, `Unknown subscription ${node.name.value}`);
    const args = getArgumentValues(definition, node, variables);
    const after = args.after === undefined || args.after === null ? null : String(args.after);
    if (after !== null && !/^\d{1,18}$/.test(after)) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Invalid cursor');
    const filter = field.authorize(args, caller);
    const rewritten = subscriptionAsQuery(operation, document, field.resolveWith);
    const kept = Object.fromEntries(rewritten.variableNames.map((n) => [n, variables[n]]));
    const eventTail = tail;
    const eventDb = database;
    const resolve = async (event: EventRow): Promise<ExecutionResult | null> => {
      if (Date.now() >= caller.expiresAt) throw new SessionExpired();
      const response = await limiter.run(() =>
        apollo.executeOperation(
          { query: rewritten.query, variables: { ...kept, [EVENT_ID_VARIABLE]: String(event.id) } },
          { contextValue: gatewayContext(caller, ctx.ip) },
        ),
      );
      if (response.body.kind !== 'single') return null;
      const { data, errors } = response.body.singleResult;
      if (errors?.some((e) => e.extensions?.code === ErrorCode.UNAUTHENTICATED)) throw new SessionExpired();
      // The event itself is not this subscriber's to see (or is gone): skip it, exactly as if it had not
      // happened. Errors deeper in the selection are delivered with the payload, as a query would return them.
      const hidden = (e: { path?: readonly (string | number)[]; extensions?: Record<string, unknown> }) =>
        e.path?.length === 1 && (e.extensions?.code === ErrorCode.NOT_FOUND || e.extensions?.code === ErrorCode.FORBIDDEN);
      if (data?.[rewritten.responseKey] == null && errors?.some(hidden)) return null;
      return (errors?.length ? { data: data ?? null, errors } : { data }) as ExecutionResult;
    };
    return {
      stream: () =>
        new LiveStream<ExecutionResult>({
          tail: eventTail,
          database: eventDb,
          topics: field.topics,
          after: after === null ? null : BigInt(after),
          filter,
          resolve,
          expiresAt: caller.expiresAt,
          onError: (err, handled) => {
            // The token ran out (now, or before this subscription started on an older socket): end the
            // stream at once, with the cursor that replays everything this subscriber has not seen yet,
            // so a client that re-authenticates and resubscribes loses nothing, even if it had no cursor.
            if (err instanceof SessionExpired)
              return { errors: [new GraphQLError(err.message, { extensions: { code: ErrorCode.UNAUTHENTICATED, cursor: String(handled) } })] };
            if (err instanceof BacklogExceeded) return { errors: [gqlError(ErrorCode.TOO_MANY_REQUESTS, err.message)] };
            log.error({ err }, 'live subscription failed');
            return { errors: [gqlError(ErrorCode.INTERNAL_SERVER_ERROR, 'Live updates failed; resubscribe with your last cursor')] };
          },
        }),
    };
  }

  const wss = new WebSocketServer({ server: httpServer, path });
  const server = useServer<Record<string, unknown>, ConnectionState>(
    {
      onConnect: async (ctx) => {
        try {
          ctx.extra.caller = await callerFrom(ctx.connectionParams);
          ctx.extra.subscriptions = new Set();
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        const schema = options.schema();
        if (!schema) return [gqlError(ErrorCode.INTERNAL_SERVER_ERROR, 'The gateway is not ready')];
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: 2000 });
        } catch (err) {
          return [isGraphQLErrorLike(err) ? asWsError(err) : gqlError('GRAPHQL_PARSE_FAILED', 'Invalid query')];
        }
        const errors = validate(schema, document, specifiedRules);
        if (errors.length) return errors;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [gqlError('OPERATION_RESOLUTION_FAILURE', 'Unknown operation')];
        const contextValue: LiveContext = { caller: ctx.extra.caller ?? null, ip: ctx.extra.request.socket.remoteAddress ?? null };
        const variableValues = payload.variables ?? {};
        if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
          if ((ctx.extra.subscriptions?.size ?? 0) >= maxSubscriptionsPerConnection)
            return [gqlError(ErrorCode.TOO_MANY_REQUESTS, `At most ${maxSubscriptionsPerConnection} subscriptions per connection`)];
          try {
            contextValue.prepared = prepare(schema, document, payload.operationName, variableValues, contextValue);
          } catch (err) {
            if (isGraphQLErrorLike(err)) return [asWsError(err)];
            throw err;
          }
        }
        return { schema, document, operationName: payload.operationName, variableValues, contextValue } satisfies ExecutionArgs;
      },
      subscribe: (args) => (args.contextValue as LiveContext).prepared!.stream(),
      execute: async (args) => {
        const context = args.contextValue as LiveContext;
        const response = await apollo.executeOperation(
          { query: print(args.document), variables: args.variableValues ?? {}, operationName: args.operationName ?? undefined },
          { contextValue: gatewayContext(context.caller ?? { token: null, identity: null }, context.ip) },
        );
        return (
          response.body.kind === 'single' ? response.body.singleResult : { errors: [gqlError('BAD_REQUEST', 'Incremental delivery is not supported')] }
        ) as ExecutionResult;
      },
      onOperation: (ctx, id, _payload, args) => {
        if ((args.contextValue as LiveContext).prepared) ctx.extra.subscriptions?.add(id);
      },
      onComplete: (ctx, id) => {
        ctx.extra.subscriptions?.delete(id);
      },
    },
    wss,
  );

  return {
    tail,
    close: async () => {
      // 1012 "service restart": graphql-ws clients reconnect (to another replica) and resubscribe with their cursor.
      for (const client of wss.clients) client.close(CLOSE_SERVICE_RESTART, 'service restart');
      const deadline = Date.now() + CLOSE_HANDSHAKE_MS;
      while (wss.clients.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      for (const client of wss.clients) client.terminate();
      await server.dispose();
      await tail?.stop();
      if (owned) await database?.close();
    },
  };
}
