import { sql } from 'drizzle-orm';
import type { Db } from './db/connect.ts';
import { pgErrorInfo } from './db/pg-errors.ts';
import { AppError, ErrorCode } from './errors.ts';

/**
 * The milliseconds the gateway still waits for this call, sent with every subgraph call. Past it the client
 * was told SERVICE_UNAVAILABLE, so a write still running then must not commit: with an idempotency key the
 * client's retry is then safe, and tells the truth.
 */
export const DEADLINE_HEADER = 'clinigraph-deadline-ms';

/** Kept back from the gateway's budget for the answer's way back and the COMMIT itself. */
const SAFETY_MARGIN_MS = 250;

const QUERY_CANCELED = '57014';

const tooLate = () => new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The request ran past its deadline; nothing was saved, so it is safe to retry');

/** The local time (ms since the epoch) by which a request must have committed, from the header; null without one. */
export function deadlineFrom(header: string | string[] | null | undefined, receivedAt = Date.now()): number | null {
  const budget = Number(Array.isArray(header) ? header[0] : header);
  if (!header || !Number.isFinite(budget) || budget < 0) return null;
  return receivedAt + Math.min(budget, 10 * 60_000) - SAFETY_MARGIN_MS;
}

/**
 * The request's database with its deadline on every transaction: each statement may run only until the
 * deadline (`SET LOCAL statement_timeout`), and a transaction whose work ends past it rolls back instead of
 * committing. Nested transactions (savepoints) are the outer one's business.
 */
export function withDeadline(db: Db, deadline: number): Db {
  const transaction: Db['transaction'] = (work, config) =>
    db
      .transaction(async (tx) => {
        const left = Math.floor(deadline - Date.now());
        if (left <= 0) throw tooLate();
        await tx.execute(sql.raw(`SET LOCAL statement_timeout = ${left}`));
        const result = await work(tx);
        if (Date.now() >= deadline) throw tooLate();
        return result;
      }, config)
      .catch((err: unknown) => {
        throw pgErrorInfo(err)?.code === QUERY_CANCELED ? tooLate() : err;
      });
  return new Proxy(db, { get: (target, property, receiver) => (property === 'transaction' ? transaction : Reflect.get(target, property, receiver)) });
}
