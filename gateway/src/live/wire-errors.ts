import { ErrorCode, log } from '@clinigraph/kit';
import type { ExecutionResult, FormattedExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import { formatError } from '../errors.ts';

const isGraphQLError = (error: unknown): error is GraphQLError => error instanceof Error && typeof (error as { toJSON?: unknown }).toJSON === 'function';

const isFormatted = (error: unknown): error is GraphQLFormattedError =>
  typeof error === 'object' && error !== null && !(error instanceof Error) && typeof (error as { message?: unknown }).message === 'string';

/**
 * One error as the client receives it. graphql-ws serialises errors with graphql-js's `toJSON()`, but the
 * results of operations run through Apollo Server carry errors it has already formatted (plain objects,
 * no `toJSON`): left to graphql-ws, one of them throws and closes the whole socket with 4500. Errors
 * raised here (GraphQLError) go through the gateway's formatError, which masks anything untyped.
 */
export function wireError(error: unknown): GraphQLFormattedError {
  if (isGraphQLError(error)) return formatError(error.toJSON(), error.originalError ?? error);
  if (isFormatted(error)) return error;
  log.error({ err: error }, 'live operation failed');
  return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

export const wireErrors = (errors: readonly unknown[]): GraphQLFormattedError[] => errors.map(wireError);

/** A result with every error in its wire form (graphql-ws sends what `onNext` returns as is). */
export function wireResult(result: ExecutionResult | FormattedExecutionResult): FormattedExecutionResult {
  const { errors, ...rest } = result;
  return errors ? { ...rest, errors: wireErrors(errors) } : (rest as FormattedExecutionResult);
}
