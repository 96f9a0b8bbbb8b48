import { log } from '@clinigraph/kit';
import type { ErrorRequestHandler } from 'express';
import { sendGraphQLError } from './respond.ts';

interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/**
 * The last handler on the app: a body that is not JSON, too large, or anything else that failed
 * before GraphQL ran becomes a GraphQL-shaped 4xx. Nothing unexpected leaks: no stack, no HTML.
 */
export const httpErrorHandler: ErrorRequestHandler = (err: HttpError, _req, res, next) => {
  if (res.headersSent) return next(err);
  const status = err.status ?? err.statusCode ?? 500;
  if (err.type === 'entity.parse.failed') return sendGraphQLError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
  if (err.type === 'entity.too.large') return sendGraphQLError(res, 413, 'BAD_REQUEST', 'The request body is too large');
  if (status >= 400 && status < 500 && err.expose) return sendGraphQLError(res, status, 'BAD_REQUEST', 'The request could not be read');
  log.error({ err }, 'gateway http error');
  return sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
};
