import { AppError, assertSessionLive, bearerToken, type Database, type Identity, verifyAccessToken } from '@clinigraph/kit';
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
 * expired one, or one whose session has ended (signed out, deactivated, idle, past its lifetime), is
 * refused with HTTP 401 and UNAUTHENTICATED, never passed on to the subgraphs. A client request counts as
 * use of its session (the idle timeout); live payloads resolved in process do not.
 */
export const authenticate =
  (database: Database | null) =>
  async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const header = req.headers.authorization;
    const token = bearerToken(header);
    if (header && !token) {
      sendGraphQLError(res, 401, 'UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>"');
      return;
    }
    try {
      const identity = token ? await verifyAccessToken(token) : null;
      if (database) await assertSessionLive(database.db, identity, { touch: true });
      res.locals.caller = { token, identity } satisfies Caller;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
      sendGraphQLError(res, 401, err.code, err.message);
      return;
    }
    next();
  };
