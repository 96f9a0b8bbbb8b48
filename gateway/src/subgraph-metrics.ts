import type { Fetcher } from '@apollo/utils.fetcher';
import { boundedLabel, metricsRegistry, secondsSince } from '@clinigraph/kit/metrics/registry';
import { Counter, Histogram } from 'prom-client';

const requests = new Counter({
  name: 'clinigraph_subgraph_requests_total',
  help: "The gateway's requests to each subgraph, by outcome (ok, http_<status> or unreachable)",
  labelNames: ['subgraph', 'outcome'],
  registers: [metricsRegistry],
});
const duration = new Histogram({
  name: 'clinigraph_subgraph_request_duration_seconds',
  help: 'Time the gateway waited for each subgraph, by subgraph',
  labelNames: ['subgraph'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

const outcomeLabel = boundedLabel(20, /^[a-z_0-9]+$/);

/** The gateway's fetcher for one subgraph, counting and timing each request to it. */
export function measuredFetcher(subgraph: string, fetcher: Fetcher): Fetcher {
  return (async (...args: Parameters<Fetcher>) => {
    const start = performance.now();
    try {
      const response = await fetcher(...args);
      requests.inc({ subgraph, outcome: outcomeLabel(response.ok ? 'ok' : `http_${response.status}`) });
      return response;
    } catch (err) {
      requests.inc({ subgraph, outcome: 'unreachable' });
      throw err;
    } finally {
      duration.observe({ subgraph }, secondsSince(start));
    }
  }) as Fetcher;
}
