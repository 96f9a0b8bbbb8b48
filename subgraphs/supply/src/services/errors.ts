import { AppError, badInput, ErrorCode } from '@clinigraph/kit';

export const badRequest = (message: string, extensions: Record<string, unknown> = {}) =>
  Object.keys(extensions).length ? new AppError(ErrorCode.BAD_USER_INPUT, message, extensions) : badInput(message);

/** INSUFFICIENT_STOCK with what was asked and what there was, so a client can show it. */
export function insufficientStock(itemId: string, requested: number, available: number | null, extra: Record<string, unknown> = {}): AppError {
  const detail = available === null ? '' : ` (requested ${requested}, available ${available})`;
  return new AppError(ErrorCode.INSUFFICIENT_STOCK, `Not enough stock${detail}`, { itemId, requested, available, ...extra });
}
