import { trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

let provider: NodeTracerProvider | null = null;

/** Whether this process records spans (only once startTracing found an OTLP endpoint). */
export const tracingEnabled = () => provider !== null;

/** Clinigraph's own spans (HTTP requests, SQL); @apollo/gateway adds its planning and fetch spans under them. */
export const tracer = () => trace.getTracer('clinigraph');

/**
 * Turns tracing on for this process when OTEL_EXPORTER_OTLP_ENDPOINT is set: spans go to that OTLP/HTTP
 * collector (JSON; the standard OTEL_* variables tune the exporter and batching), named after `service`
 * unless OTEL_SERVICE_NAME says otherwise. Without the variable nothing is registered and every span
 * call stays a no-op. Returns the function that flushes and stops it.
 */
export function startTracing(service: string): () => Promise<void> {
  if (!process.env.OTEL_EXPORTER_OTLP_ENDPOINT || provider) return async () => {};
  const current = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME ?? `clinigraph-${service}` }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // The W3C trace-context propagator and an AsyncLocalStorage context manager.
  current.register();
  provider = current;
  return async () => {
    if (provider !== current) return;
    provider = null;
    await current.shutdown();
  };
}
