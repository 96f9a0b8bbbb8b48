import type { ErrorRequestHandler } from 'express';
import { log } from './log.ts';

/**
 * The subgraph app's last handler: a body that is not JSON or too large, or anything that failed before
 * GraphQL ran, gets a GraphQL-shaped answer. Express's own handler would print the error to stderr, and
 * a JSON parse error quotes the body it could not read; here only the safe `err` serializer sees it.
 */
export const subgraphHttpErrorHandler: ErrorRequestHandler = (err: { status?: number; statusCode?: number; expose?: boolean }, req, res, next) => {
  if (res.headersSent) return next(err);
  const status = err.status ?? err.statusCode ?? 500;
  const clientFault = status >= 400 && status < 500 && err.expose;
  if (!clientFault) (req.log ?? log).error({ err }, 'subgraph http error');
  res.status(clientFault ? status : 500).json({
    errors: [
      clientFault
        ? { message: 'The request could not be read', extensions: { code: 'BAD_REQUEST' } }
        : { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ],
  });
};
