import type { IncomingMessage, Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import {
  AppError,
  assertSessionLive,
  bearerToken,
  canSeePatientAt,
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
import type { SocketRefusal, SocketRequest } from '../http/rate-limit.ts';
import { subgraphModules } from '../subgraphs.ts';
import { graphql } from './graphql-realm.ts';
import { Limiter } from './limiter.ts';
import { type OperationRules, operationChecks } from './operation-checks.ts';
import { EVENT_ID_VARIABLE, subscriptionAsQuery } from './rewrite.ts';
import { SessionSockets } from './session-sockets.ts';
import { defaultLiveLimits, type LiveLimits } from './settings.ts';
import { isOpen, socketGuards } from './socket-guards.ts';
import { BacklogExceeded, LiveStream, SessionExpired } from './stream.ts';
import { wireErrors, wireResult } from './wire-errors.ts';

export type { LiveField } from '@clinigraph/kit';

const { GraphQLError, getArgumentValues, getOperationAST, Kind, OperationTypeNode, print } = graphql;
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
  /** The endpoint's connection, message and subscription limits (defaults in settings.ts). */
  limits?: Partial<LiveLimits>;
  /** The same validation rules and production settings as HTTP. */
  rules: OperationRules;
  /** The client IP of an upgrade request, read as HTTP requests' (trust proxy); by default the peer address. */
  clientIp?: (req: IncomingMessage) => string | null;
  /** HTTP's rate limits, on HTTP's counters, for each operation sent over the socket. */
  rateLimit?: (request: SocketRequest) => Promise<SocketRefusal | null>;
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
  /** The client's IP, read as for HTTP requests. */
  ip: string | null;
};

interface Prepared {
  stream(): LiveStream<ExecutionResult>;
}

interface LiveContext {
  caller: Caller | null;
  ip: string | null;
  prepared?: Prepared;
}

const gqlError = (code: string, message: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { ...extensions, code } });

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
  const { apollo, path = '/graphql', concurrency = 32, clientIp = (req) => req.socket.remoteAddress ?? null } = options;
  const limits: LiveLimits = { ...defaultLiveLimits, ...options.limits };
  const { maxSubscriptionsPerConnection } = limits;
  const checks = operationChecks(options.rules);
  const guards = socketGuards(limits, clientIp);
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
  const sessionSockets = new SessionSockets();
  const stopSessionSockets = sessionSockets.listen(tail);

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
    const fieldFilter = field.authorize(args, caller);
    // Events carry their facility: staff follow only their facilities' (or the patients they broke the glass for).
    const filter = (event: EventRow) => canSeePatientAt(caller.identity, event.patientId, event.facilityId) && fieldFilter(event);
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

  const wss = new WebSocketServer({ server: httpServer, path, maxPayload: limits.maxMessageBytes, verifyClient: guards.verifyClient });
  guards.watch(wss);
  const server = useServer<Record<string, unknown>, ConnectionState>(
    {
      connectionInitWaitTimeout: limits.connectionInitWaitMs,
      onConnect: async (ctx) => {
        try {
          ctx.extra.caller = await callerFrom(ctx.connectionParams);
          if (database) await assertSessionLive(database.db, ctx.extra.caller?.identity ?? null);
          sessionSockets.track(ctx.extra.socket, ctx.extra.caller?.identity.sessionId);
          ctx.extra.subscriptions = new Set();
          ctx.extra.ip = clientIp(ctx.extra.request);
        } catch {
          return false;
        }
        const userId = ctx.extra.caller?.identity.userId;
        return !userId || guards.admitUser(ctx.extra.socket, userId);
      },
      onSubscribe: async (ctx, id, payload) => {
        // A socket over its message rate is already closing: its pending messages do no work.
        if (!isOpen(ctx.extra.socket)) return [gqlError(ErrorCode.TOO_MANY_REQUESTS, 'Too many messages')];
        const schema = options.schema();
        if (!schema) return [gqlError(ErrorCode.INTERNAL_SERVER_ERROR, 'The gateway is not ready')];
        const document = checks.parse(payload.query);
        if (Array.isArray(document)) return document;
        const errors = checks.validate(schema, document);
        if (errors.length) return errors;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [gqlError('OPERATION_RESOLUTION_FAILURE', 'Unknown operation')];
        const caller = ctx.extra.caller ?? null;
        const contextValue: LiveContext = { caller, ip: ctx.extra.ip ?? null };
        const refusal = await options.rateLimit?.({ ip: contextValue.ip, userId: caller?.identity.userId ?? null, query: payload.query });
        if (refusal) return [gqlError(refusal.code, refusal.message, refusal.retryAfterSeconds ? { retryAfterSeconds: refusal.retryAfterSeconds } : {})];
        const variableValues = payload.variables ?? {};
        if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
          // Checked and counted in one synchronous step (no await in between), so a burst cannot pass the cap.
          const open = ctx.extra.subscriptions ?? new Set<string>();
          if (open.size >= maxSubscriptionsPerConnection)
            return [gqlError(ErrorCode.TOO_MANY_REQUESTS, `At most ${maxSubscriptionsPerConnection} subscriptions per connection`)];
          try {
            contextValue.prepared = prepare(schema, document, payload.operationName, variableValues, contextValue);
          } catch (err) {
            if (isGraphQLErrorLike(err)) return [asWsError(err)];
            log.error({ err }, 'live subscription refused');
            return [gqlError(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error')];
          }
          // Given back in onComplete, which graphql-ws calls however the subscription ends.
          open.add(id);
        }
        return { schema, document, operationName: payload.operationName, variableValues, contextValue } satisfies ExecutionArgs;
      },
      subscribe: (args) => {
        try {
          return (args.contextValue as LiveContext).prepared!.stream();
        } catch (err) {
          log.error({ err }, 'live subscription failed to start');
          return { errors: [gqlError(ErrorCode.INTERNAL_SERVER_ERROR, 'Live updates failed; resubscribe with your last cursor')] };
        }
      },
      execute: async (args) => {
        const context = args.contextValue as LiveContext;
        try {
          const response = await apollo.executeOperation(
            { query: print(args.document), variables: args.variableValues ?? {}, operationName: args.operationName ?? undefined },
            { contextValue: gatewayContext(context.caller ?? { token: null, identity: null }, context.ip) },
          );
          return (
            response.body.kind === 'single' ? response.body.singleResult : { errors: [gqlError('BAD_REQUEST', 'Incremental delivery is not supported')] }
          ) as ExecutionResult;
        } catch (err) {
          log.error({ err }, 'operation over the websocket failed');
          return { errors: [gqlError(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error')] };
        }
      },
      // Every error leaves in its wire form, so no result, however it failed, can close the socket or end a sibling.
      onNext: (_ctx, _id, _payload, _args, result) => wireResult(result),
      onError: (_ctx, _id, _payload, errors) => wireErrors(errors),
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
      stopSessionSockets();
      await tail?.stop();
      if (owned) await database?.close();
    },
  };
}
