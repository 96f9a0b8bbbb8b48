import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type express from 'express';
import { tracer, tracingEnabled } from './setup.ts';

/**
 * One SERVER span per HTTP request, continuing the caller's trace from its `traceparent` header, and
 * active while the rest of the chain runs (so GraphQL, peer calls and SQL become its children). Mount
 * it after the body parser: the parser's callbacks run outside the request's async context.
 */
export function traceRequests(service: string): express.RequestHandler {
  return (req, res, next) => {
    if (!tracingEnabled()) return next();
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracer().startSpan(
      `${req.method} ${req.baseUrl || req.path}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': req.baseUrl || req.path, 'clinigraph.service': service } },
      parent,
    );
    res.once('finish', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}

/** Names the current request's span after its GraphQL operation (a bounded name, see metrics). */
export function nameRequestSpan(operation: string): void {
  if (!tracingEnabled()) return;
  const span = trace.getActiveSpan();
  span?.setAttribute('graphql.operation.name', operation);
  span?.updateName(`graphql ${operation}`);
}

/** Adds the current trace context (`traceparent`) to an outgoing request's headers. */
export function injectTraceContext(headers: Record<string, string> | { set(name: string, value: string): void }): void {
  if (!tracingEnabled()) return;
  if ('set' in headers && typeof headers.set === 'function') {
    const target = headers as { set(name: string, value: string): void };
    propagation.inject(context.active(), target, { set: (carrier, key, value) => carrier.set(key, value) });
  } else propagation.inject(context.active(), headers);
}
