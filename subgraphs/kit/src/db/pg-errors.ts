import { AppError, conflict, ErrorCode } from '../errors.ts';

/** SQLSTATE codes the kit translates into typed errors. */
export const SqlState = {
  UNIQUE_VIOLATION: '23505',
  EXCLUSION_VIOLATION: '23P01',
  CHECK_VIOLATION: '23514',
  FOREIGN_KEY_VIOLATION: '23503',
  NOT_NULL_VIOLATION: '23502',
  SERIALIZATION_FAILURE: '40001',
  DEADLOCK_DETECTED: '40P01',
  RAISE_EXCEPTION: 'P0001',
  INVALID_TEXT_REPRESENTATION: '22P02',
  NUMERIC_VALUE_OUT_OF_RANGE: '22003',
  INVALID_DATETIME_FORMAT: '22007',
  DATETIME_FIELD_OVERFLOW: '22008',
} as const;

export interface PgErrorInfo {
  code: string;
  constraint?: string;
  message: string;
}

/** Reads SQLSTATE and constraint from a postgres.js or PGlite error, however deeply drizzle wrapped it. */
export function pgErrorInfo(err: unknown): PgErrorInfo | null {
  let current: unknown = err;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; constraint?: unknown; constraint_name?: unknown; message?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      const constraint = (e.constraint ?? e.constraint_name) as string | undefined;
      return { code: e.code, constraint, message: String(e.message ?? '') };
    }
    current = e.cause;
  }
  return null;
}

/** Data exceptions a malformed argument or cursor can cause: the caller's input, not a server fault. */
const badValueCodes = new Set<string>([
  SqlState.INVALID_TEXT_REPRESENTATION,
  SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
  SqlState.INVALID_DATETIME_FORMAT,
  SqlState.DATETIME_FIELD_OVERFLOW,
]);

/**
 * Maps database constraint violations to typed errors. `byConstraint` names the domain meaning of
 * specific constraints (e.g. a stock CHECK becomes INSUFFICIENT_STOCK); unknown errors are rethrown.
 */
export function translateDbError(err: unknown, byConstraint: Record<string, () => AppError> = {}): never {
  if (err instanceof AppError) throw err;
  const info = pgErrorInfo(err);
  if (info) {
    const mapped = info.constraint ? byConstraint[info.constraint] : undefined;
    if (mapped) throw mapped();
    if (info.code === SqlState.EXCLUSION_VIOLATION) throw new AppError(ErrorCode.SLOT_TAKEN, 'That time is no longer available');
    if (info.code === SqlState.UNIQUE_VIOLATION) throw conflict('A record with these details already exists');
    if (info.code === SqlState.DEADLOCK_DETECTED || info.code === SqlState.SERIALIZATION_FAILURE) {
      throw new AppError(ErrorCode.CONFLICT, 'This change collided with another one made at the same moment; try again', { retryable: true });
    }
    if (badValueCodes.has(info.code)) throw new AppError(ErrorCode.BAD_USER_INPUT, 'A value is not in the expected format or range');
    if (info.code === SqlState.FOREIGN_KEY_VIOLATION) throw new AppError(ErrorCode.NOT_FOUND, 'A referenced record does not exist');
  }
  throw err;
}
