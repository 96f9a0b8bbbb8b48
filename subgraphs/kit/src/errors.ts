import { GraphQLError } from 'graphql';

/** Every error code a client may see. Anything else is masked as INTERNAL_SERVER_ERROR. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  SLOT_TAKEN: 'SLOT_TAKEN',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
  INVALID_STATE: 'INVALID_STATE',
  /** The record looks like one that exists (extensions.candidates); send it again confirmed to create it anyway. */
  DUPLICATE_SUSPECTED: 'DUPLICATE_SUSPECTED',
  /** The patient record was merged into another (extensions.survivorId): open that one instead. */
  PATIENT_MERGED: 'PATIENT_MERGED',
  /** The caller's role needs two-step sign-in and this session did not use it: enrol (`startMfaEnrolment`) or sign in again with a code. */
  MFA_REQUIRED: 'MFA_REQUIRED',
  /** The password was right and the account uses two-step sign-in: send a code with extensions.challenge to `completeMfaSignIn`. */
  MFA_CHALLENGE: 'MFA_CHALLENGE',
  /** Another service this operation must consult did not answer; nothing was changed, so it is safe to retry. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldIssue {
  path: string;
  message: string;
}

/** A typed, client-safe error. Its message and extensions are shown to the caller as they are. */
export class AppError extends GraphQLError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.code = code;
  }
}

export const badInput = (message: string, issues: FieldIssue[] = []) => new AppError(ErrorCode.BAD_USER_INPUT, message, issues.length ? { issues } : {});
export const unauthenticated = (message = 'You must be signed in') => new AppError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You are not allowed to do this') => new AppError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string) => new AppError(ErrorCode.NOT_FOUND, `${what} not found`);
export const conflict = (message: string) => new AppError(ErrorCode.CONFLICT, message);
export const invalidState = (message: string, extensions: Record<string, unknown> = {}) => new AppError(ErrorCode.INVALID_STATE, message, extensions);
export const tooManyRequests = (message: string, retryAfterSeconds: number) => new AppError(ErrorCode.TOO_MANY_REQUESTS, message, { retryAfterSeconds });

/** Codes graphql-js and Apollo Server themselves raise for malformed requests; safe to show. */
const requestErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export const isClientSafeCode = (code: unknown): boolean =>
  typeof code === 'string' && ((Object.values(ErrorCode) as string[]).includes(code) || requestErrorCodes.has(code));
