import { pino } from 'pino';
import { serializeError } from './log-safety.ts';

/** An unknown LOG_LEVEL falls back to the default here; the start-up check (env.ts) then stops the process naming it. */
const levels = new Set([...Object.keys(pino.levels.values), 'silent']);
const givenLevel = process.env.LOG_LEVEL && levels.has(process.env.LOG_LEVEL) ? process.env.LOG_LEVEL : undefined;

const level = givenLevel ?? (process.env.NODE_ENV === 'test' || process.env.VITEST ? 'silent' : 'info');

/**
 * A second line of defence behind the `err` serializer (log-safety.ts) and the access log's own field
 * list: secrets, GraphQL variables, SQL parameters and mail recipients are censored wherever a log
 * call names them.
 */
const REDACTED_PATHS = ['password', 'token', 'authorization', 'cookie', 'variables', 'params', 'parameters', 'to', 'email', 'databaseUrl', 'DATABASE_URL'];
const redactPaths = [...REDACTED_PATHS, ...REDACTED_PATHS.map((p) => `*.${p}`), 'req.headers', 'err.query', 'err.detail', 'err.cause.query'];

/** LOG_FILE appends the log to a file instead of stdout (CI collects a whole test run's log there, child processes included). */
const destination = process.env.LOG_FILE ? pino.destination({ dest: process.env.LOG_FILE, append: true, mkdir: true, sync: true }) : pino.destination(1);
const threshold = level === 'silent' ? Number.POSITIVE_INFINITY : (pino.levels.values[level] ?? 30);
const taps = new Set<(line: string) => void>();

/** Lines at or above the configured level go out; a test's tap (`captureLogs`) also sees those it enabled below it. */
const sink = {
  write(line: string) {
    for (const tap of taps) tap(line);
    const lineLevel = Number(/^\{"level":(\d+)/.exec(line)?.[1] ?? Number.POSITIVE_INFINITY);
    if (lineLevel >= threshold) destination.write(line);
  },
  flush: (cb?: (err?: Error) => void) => destination.flush(cb),
};

export const log = pino(
  {
    level,
    base: { app: 'clinigraph' },
    serializers: { err: serializeError },
    redact: { paths: redactPaths, censor: '[redacted]' },
  },
  sink,
);

/** Every log line (as written, JSON) goes to `tap` too until the returned function is called. For tests. */
export function tapLog(tap: (line: string) => void): () => void {
  taps.add(tap);
  return () => taps.delete(tap);
}
export type Logger = typeof log;
