import type express from 'express';
import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The process's one Prometheus registry. Every part of Clinigraph that runs in this process (the
 * gateway, each subgraph, their pools, consumers and jobs) registers its series here, so in embedded
 * mode one GET /metrics shows everything and in distributed mode each process shows its own.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'clinigraph_process_' });

/** GET /metrics in Prometheus' text format. */
export const metricsHandler: express.RequestHandler = async (_req, res) => {
  res.set('content-type', metricsRegistry.contentType);
  res.send(await metricsRegistry.metrics());
};

/**
 * Keeps a label's values few: the first `limit` distinct well-formed values are used as they are,
 * anything later (or malformed) becomes 'other'. Operation names are bounded by the web app's
 * documents, but a client can send any name, and every label value is a series kept forever.
 */
export function boundedLabel(limit: number, pattern = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/): (value: string | null | undefined, fallback?: string) => string {
  const seen = new Set<string>();
  return (value, fallback = 'anonymous') => {
    if (!value) return fallback;
    if (seen.has(value)) return value;
    if (seen.size >= limit || !pattern.test(value)) return 'other';
    seen.add(value);
    return value;
  };
}

/** Seconds since a `performance.now()` reading. */
export const secondsSince = (start: number) => (performance.now() - start) / 1000;
