import type { IncomingMessage } from 'node:http';
import type { RequestHandler, Response } from 'express';
import { INTERNAL_CALL_HEADER, INTERNAL_CALL_REFUSED, verifyInternalCall } from './auth/internal-call.ts';
import { log } from './log.ts';

type WithRawBody = IncomingMessage & { rawBody?: Buffer };

/** `express.json({ verify })`: keeps the exact bytes received, which the assertion's body hash covers. */
export const keepRawBody = (req: IncomingMessage, _res: unknown, buf: Buffer): void => {
  (req as WithRawBody).rawBody = buf;
};

export interface VerifiedCall {
  /** Who signed: 'gateway' or a subgraph's name. */
  issuer: string;
  /** The client IP the gateway saw (the audit trail's IP), null for jobs. */
  ip: string | null;
}

/** The verified caller of a request that passed `internalCallGuard`. */
export const verifiedCallOf = (res: Response): VerifiedCall | null => (res.locals.internalCall as VerifiedCall | undefined) ?? null;

/**
 * Refuses a GraphQL request to subgraph `service` without a valid assertion (see auth/internal-call.ts)
 * with 401 INTERNAL_CALL_REFUSED, and logs the refusal: the reason and the peer address, never the body.
 * Mounted after the JSON parser (with `keepRawBody`) so the body hash is checked against the bytes received.
 */
export function internalCallGuard(service: string): RequestHandler {
  return (req, res, next) => {
    verifyInternalCall(req.headers[INTERNAL_CALL_HEADER], { audience: service, method: req.method, body: (req as WithRawBody).rawBody }).then((check) => {
      if (check.ok) {
        res.locals.internalCall = { issuer: check.issuer, ip: check.ip } satisfies VerifiedCall;
        next();
        return;
      }
      (req.log ?? log).warn({ service, reason: check.reason, peer: req.socket.remoteAddress }, 'internal call refused');
      res.status(401).json({
        errors: [
          {
            message: 'This service answers only calls from inside the deployment; send requests to the gateway',
            extensions: { code: INTERNAL_CALL_REFUSED, reason: check.reason },
          },
        ],
      });
    }, next);
  };
}
