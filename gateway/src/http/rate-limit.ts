import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
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

type LimiterOptions = Pick<NonNullable<Parameters<typeof rateLimit>[0]>, 'keyGenerator' | 'skip'> & { headers?: boolean };

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
}

export function rateLimiters(limits: RateLimits): RateLimiters {
  const strict = limiter('auth', limits.auth, limits.windowMs, { keyGenerator: (req) => ipKeyGenerator(req.ip ?? '') });
  return {
    perIp: limiter('ip', limits.perIp, limits.windowMs, { keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''), headers: true }),
    auth: (req, res, next) => {
      const count = sensitiveFieldCount(req.body);
      if (count === 0) return next();
      if (count > 1) return sendGraphQLError(res, 400, 'BAD_REQUEST', 'A request may hold at most one sign-in, registration, refresh or password operation');
      return strict(req, res, next);
    },
    perUser: limiter('user', limits.perUser, limits.windowMs, {
      keyGenerator: (_req, res) => `user:${callerOf(res).identity?.userId}`,
      skip: (_req, res) => !callerOf(res).identity,
    }),
  };
}
