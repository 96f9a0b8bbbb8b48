import { AppError, ErrorCode } from '@clinigraph/kit';
import { describe, expect, it } from 'vitest';
import { graphql } from './graphql-realm.ts';
import { wireError, wireResult } from './wire-errors.ts';

describe('errors sent over the websocket', () => {
  it('keeps an error Apollo Server already formatted (a plain object, no toJSON) as it is', () => {
    const formatted = { message: 'Not found', path: ['patient'], extensions: { code: ErrorCode.NOT_FOUND } };
    expect(wireResult({ data: { patient: null }, errors: [formatted] } as never)).toEqual({ data: { patient: null }, errors: [formatted] });
  });

  it('formats a GraphQLError, keeping a typed code', () => {
    const error = new graphql.GraphQLError('Too many', { extensions: { code: ErrorCode.TOO_MANY_REQUESTS, retryAfterSeconds: 60 } });
    expect(wireError(error)).toMatchObject({ message: 'Too many', extensions: { code: ErrorCode.TOO_MANY_REQUESTS, retryAfterSeconds: 60 } });
    const typed = new graphql.GraphQLError('wrapped', { originalError: new AppError(ErrorCode.FORBIDDEN, 'Not yours') });
    expect(wireError(typed).message).toBe('wrapped');
  });

  it('masks an untyped failure, whatever it says', () => {
    const raw = new graphql.GraphQLError('e.toJSON is not a function', { originalError: new TypeError('e.toJSON is not a function') });
    expect(wireError(raw)).toEqual({ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
    expect(wireError('boom')).toEqual({ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
  });
});
