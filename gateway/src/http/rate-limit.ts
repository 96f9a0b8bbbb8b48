import type { RequestHandler } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit } from 'express-rate-limit';
import { callerOf } from './authenticate.ts';
import { sensitiveFieldCount } from './operation.ts';
import { sendGraphQLError } from './respond.ts';

/** Requests allowed per window. The stores are in memory, so each gateway process counts on its own. */
export interface RateLimits {
  windowMs: number;
  /** Any request to /graphql, per client IP. */
  perIp: number;
  /** Requests with a verified token, per user. */
  perUser: number;
  /** Sign-in, registration, refresh and password-reset operations, per client IP. */
  auth: number;
}

const fromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

export const defaultRateLimits = (): RateLimits => ({
  windowMs: 60_000,
  perIp: fromEnv('CLINIGRAPH_RATE_LIMIT_IP', 600),
  perUser: fromEnv('CLINIGRAPH_RATE_LIMIT_USER', 300),
  auth: fromEnv('CLINIGRAPH_RATE_LIMIT_AUTH', 20),
});

type LimiterOptions = Pick<NonNullable<Parameters<typeof rateLimit>[0]>, 'keyGenerator' | 'skip' | 'store'> & { headers?: boolean };

/** One limiter. Only the per-IP one sends RateLimit headers (several would overwrite each other); every refusal sends Retry-After. */
function limiter(name: string, limit: number, windowMs: number, { headers = false, ...options }: LimiterOptions) {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: headers ? 'draft-8' : false,
    legacyHeaders: false,
    identifier: name,
    ...options,
    handler: (_req, res, _next, opts) => {
      const retryAfterSeconds = Math.ceil(opts.windowMs / 1000);
      res.setHeader('retry-after', String(retryAfterSeconds));
      sendGraphQLError(res, opts.statusCode, 'TOO_MANY_REQUESTS', 'Too many requests; try again later', { retryAfterSeconds });
    },
  });
}

export interface RateLimiters {
  /** Before the body is read: every request, by IP. */
  perIp: RequestHandler;
  /** After the body is parsed: sign-in style operations, by IP; more than one of them in a request is refused. */
  auth: RequestHandler;
  /** After authentication: by user. */
  perUser: RequestHandler;
  /**
   * The same limits, on the same counters, for one operation sent over the websocket: null when it may
   * run, else why not (the client retries after `retryAfterSeconds`).
   */
  socket(request: SocketRequest): Promise<SocketRefusal | null>;
}

export interface SocketRequest {
  ip: string | null;
  userId: string | null;
  query: string;
}

export interface SocketRefusal {
  code: 'TOO_MANY_REQUESTS' | 'BAD_REQUEST';
  message: string;
  retryAfterSeconds?: number;
}

const ONE_SENSITIVE_FIELD = 'A request may hold at most one sign-in, registration, refresh or password operation';

export function rateLimiters(limits: RateLimits): RateLimiters {
  // Stores of our own, so operations over the websocket count on the very counters HTTP requests do.
  const stores = { ip: new MemoryStore(), auth: new MemoryStore(), user: new MemoryStore() };
  const strict = limiter('auth', limits.auth, limits.windowMs, { keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''), store: stores.auth });
  const over = async (store: MemoryStore, key: string, limit: number) => (await store.increment(key)).totalHits > limit;
  const tooMany: SocketRefusal = {
    code: 'TOO_MANY_REQUESTS',
    message: 'Too many requests; try again later',
    retryAfterSeconds: Math.ceil(limits.windowMs / 1000),
  };
  return {
    perIp: limiter('ip', limits.perIp, limits.windowMs, { keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''), headers: true, store: stores.ip }),
    auth: (req, res, next) => {
      const count = sensitiveFieldCount(req.body);
      if (count === 0) return next();
      if (count > 1) return sendGraphQLError(res, 400, 'BAD_REQUEST', ONE_SENSITIVE_FIELD);
      return strict(req, res, next);
    },
    perUser: limiter('user', limits.perUser, limits.windowMs, {
      keyGenerator: (_req, res) => `user:${callerOf(res).identity?.userId}`,
      skip: (_req, res) => !callerOf(res).identity,
      store: stores.user,
    }),
    socket: async ({ ip, userId, query }) => {
      const ipKey = ipKeyGenerator(ip ?? '');
      if (await over(stores.ip, ipKey, limits.perIp)) return tooMany;
      const sensitive = sensitiveFieldCount({ query });
      if (sensitive > 1) return { code: 'BAD_REQUEST', message: ONE_SENSITIVE_FIELD };
      if (sensitive === 1 && (await over(stores.auth, ipKey, limits.auth))) return tooMany;
      if (userId && (await over(stores.user, `user:${userId}`, limits.perUser))) return tooMany;
      return null;
    },
  };
}
