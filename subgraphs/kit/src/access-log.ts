import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { log } from './log.ts';
import { serializeError } from './log-safety.ts';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A request id a caller may choose: a UUID or 8 to 64 letters, digits, '-' and '_'. Anything else is replaced. */
export const isWellFormedRequestId = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(value);

/** The id of this request: the caller's X-Request-Id when well formed, else a new UUID. Set by `accessLog`. */
export const requestIdOf = (req: IncomingMessage): string => {
  const id = (req as IncomingMessage & { id?: unknown }).id;
  return isWellFormedRequestId(id) ? id : randomUUID();
};

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;

/** The name a document opens with (`query Chart(…`); anchored at the start, so never a word inside a string argument. */
const LEADING_OPERATION = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

/**
 * The GraphQL operation name: the one the client sent (body or query string), else the name the document
 * opens with. Only ever a GraphQL name; never variables or any other part of the document.
 */
function operationOf(req: IncomingMessage): string | undefined {
  const body = (req as IncomingMessage & { body?: unknown }).body;
  const fields = typeof body === 'object' && body !== null ? (body as { operationName?: unknown; query?: unknown }) : {};
  const fromQuery = new URL(req.url ?? '/', 'http://local').searchParams.get('operationName');
  const leading = typeof fields.query === 'string' ? LEADING_OPERATION.exec(fields.query)?.[1] : undefined;
  const name = fields.operationName ?? fromQuery ?? leading;
  return typeof name === 'string' && GRAPHQL_NAME.test(name) ? name : undefined;
}

/** The path without its query string: a GET /graphql carries its variables there. */
const pathOf = (req: IncomingMessage): string =>
  (req as IncomingMessage & { originalUrl?: string }).originalUrl?.split('?')[0] ?? req.url?.split('?')[0] ?? '/';

/** Probes would drown the access log; they still get a request id. */
const PROBES = new Set(['/health', '/ready', '/metrics']);

const fields = (req: IncomingMessage, res: ServerResponse, durationMs: unknown) => ({
  method: req.method,
  path: pathOf(req),
  operation: operationOf(req),
  status: res.statusCode,
  durationMs,
});

/**
 * The access log (pino-http) and the request id, first on every app. Each response carries X-Request-Id;
 * a line per request says method, path, operation name, status, duration and request id, and nothing
 * else: no headers, no query string, no variables, no body.
 */
export function accessLog(service: string): RequestHandler {
  return pinoHttp({
    logger: log.child({ service }),
    genReqId: (req, res) => {
      const given = req.headers[REQUEST_ID_HEADER];
      const id = isWellFormedRequestId(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    quietReqLogger: true,
    quietResLogger: true,
    serializers: { err: serializeError },
    wrapSerializers: false,
    autoLogging: { ignore: (req) => PROBES.has(pathOf(req)) },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessObject: (req, res, value) => fields(req, res, (value as { durationMs?: unknown }).durationMs),
    customErrorObject: (req, res, err, value) => ({ ...fields(req, res, (value as { durationMs?: unknown }).durationMs), err }),
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
  }) as unknown as RequestHandler;
}
