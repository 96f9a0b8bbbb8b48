import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry, secondsSince } from '../metrics/registry.ts';
import { tracer, tracingEnabled } from '../tracing/setup.ts';

const inFlight = new Gauge({
  name: 'clinigraph_db_queries_in_flight',
  help: 'SQL statements sent and not yet answered, by pool (at most the pool size run at once; the rest wait for a connection)',
  labelNames: ['pool'],
  registers: [metricsRegistry],
});
const poolSize = new Gauge({
  name: 'clinigraph_db_pool_size',
  help: 'Connections the pool may open (postgres.js max; 1 for embedded PGlite)',
  labelNames: ['pool', 'driver'],
  registers: [metricsRegistry],
});
const duration = new Histogram({
  name: 'clinigraph_db_query_duration_seconds',
  help: 'Time from sending an SQL statement to its answer (waiting for a connection included), by pool',
  labelNames: ['pool'],
  buckets: [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
  registers: [metricsRegistry],
});
const failures = new Counter({
  name: 'clinigraph_db_query_errors_total',
  help: 'SQL statements that failed, by pool',
  labelNames: ['pool'],
  registers: [metricsRegistry],
});

export function recordPoolSize(pool: string, driver: 'pglite' | 'postgres', max: number): void {
  poolSize.set({ pool, driver }, max);
}

/** The statement's text as a span shows it: parameterised SQL only (values are never recorded), cut short. */
const statementOf = (text: unknown) => (typeof text === 'string' ? text.slice(0, 2000) : '');

/**
 * Starts observing one statement: in-flight count, duration and errors, and (when tracing is on) a
 * CLIENT span under the current span (a request's). Returns the function that ends it.
 */
export function observeQuery(pool: string, system: 'postgresql', text: unknown): (error?: unknown) => void {
  const start = performance.now();
  inFlight.inc({ pool });
  // Only statements inside a traced piece of work get a span: the consumers' and jobs' polls would otherwise each start a trace of their own.
  const span =
    tracingEnabled() && trace.getSpan(context.active())
      ? tracer().startSpan('db.query', { kind: SpanKind.CLIENT, attributes: { 'db.system.name': system, 'db.query.text': statementOf(text), 'db.pool': pool } })
      : null;
  return (error) => {
    inFlight.dec({ pool });
    duration.observe({ pool }, secondsSince(start));
    if (error) {
      failures.inc({ pool });
      span?.setStatus({ code: SpanStatusCode.ERROR, message: (error as { code?: string }).code ?? 'query failed' });
    }
    span?.end();
  };
}

/** Runs `run` observed as one statement. */
export async function observed<T>(pool: string, text: unknown, run: () => Promise<T>): Promise<T> {
  const done = observeQuery(pool, 'postgresql', text);
  try {
    const result = await run();
    done();
    return result;
  } catch (err) {
    done(err);
    throw err;
  }
}

type AnyFn = (...args: unknown[]) => unknown;

/**
 * Wraps a driver client so every statement drizzle (or kit) sends through it is observed: `methods`
 * are the statement calls (their first argument is the SQL text), `scopes` the calls whose callback
 * receives a client of the same kind (a transaction, a savepoint), which is wrapped in turn.
 */
export function instrumentClient<C extends object>(client: C, pool: string, methods: string[], scopes: string[]): C {
  return new Proxy(client, {
    get(target, prop) {
      // Read with the client itself as `this`: PGlite's getters use private fields a proxy does not have.
      const value = Reflect.get(target, prop) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      const fn = value as AnyFn;
      if (methods.includes(prop)) return (...args: unknown[]) => observeStatement(pool, fn.apply(target, args), args[0]);
      if (scopes.includes(prop))
        return (...args: unknown[]) =>
          fn.apply(
            target,
            args.map((arg) => (typeof arg === 'function' ? (inner: object) => (arg as AnyFn)(instrumentClient(inner, pool, methods, scopes)) : arg)),
          );
      return fn.bind(target);
    },
  });
}

/**
 * Observes a statement's pending result without changing it: postgres.js returns a lazy query that
 * runs once awaited and that drizzle configures (`.values()`) in the same tick, so it is returned as it is.
 */
function observeStatement(pool: string, pending: unknown, text: unknown): unknown {
  if (!pending || typeof (pending as PromiseLike<unknown>).then !== 'function') return pending;
  const done = observeQuery(pool, 'postgresql', text);
  (pending as PromiseLike<unknown>).then(
    () => done(),
    (err: unknown) => done(err),
  );
  return pending;
}
