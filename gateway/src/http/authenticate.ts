import { AppError, bearerToken, type Identity, verifyAccessToken } from '@clinigraph/kit';
import type { NextFunction, Request, Response } from 'express';
import { sendGraphQLError } from './respond.ts';

export interface Caller {
  token: string | null;
  identity: Identity | null;
}

/** The caller that `authenticate` verified for this request. */
export const callerOf = (res: Response): Caller => (res.locals.caller as Caller | undefined) ?? { token: null, identity: null };

/**
 * Verifies the bearer token before GraphQL runs. A missing token is an anonymous call; an invalid or
 * expired one is refused with HTTP 401 and UNAUTHENTICATED, never passed on to the subgraphs.
 */
export async function authenticate(req: Request, res: Response, next: NextFunction): Promise<void> {
  const header = req.headers.authorization;
  const token = bearerToken(header);
  if (header && !token) {
    sendGraphQLError(res, 401, 'UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>"');
    return;
  }
  try {
    res.locals.caller = { token, identity: token ? await verifyAccessToken(token) : null } satisfies Caller;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
    sendGraphQLError(res, 401, err.code, err.message);
    return;
  }
  next();
}
