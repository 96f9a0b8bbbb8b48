import { AppError, ErrorCode, isClientSafeCode, log, withVariableIssue } from '@clinigraph/kit';
import type { GraphQLFormattedError } from 'graphql';

/**
 * Subgraph errors keep their typed code and serviceName (which subgraph failed); request errors keep
 * theirs; anything untyped is masked. Stack traces never leave the gateway.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
  if (error instanceof AppError || isClientSafeCode(extensions.code) || extensions.serviceName) {
    if (extensions.code === ErrorCode.INTERNAL_SERVER_ERROR || !extensions.code) {
      return {
        message: extensions.serviceName ? `The ${extensions.serviceName} service failed` : 'Internal server error',
        path: formatted.path,
        extensions: { code: extensions.code ?? ErrorCode.INTERNAL_SERVER_ERROR, serviceName: extensions.serviceName },
      };
    }
    return withVariableIssue({ ...formatted, extensions });
  }
  log.error({ err: error }, 'gateway error');
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
