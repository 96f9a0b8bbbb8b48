import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Histogram } from 'prom-client';
import { nameRequestSpan } from '../tracing/http.ts';
import { boundedLabel, metricsRegistry, secondsSince } from './registry.ts';

const requests = new Counter({
  name: 'clinigraph_graphql_requests_total',
  help: 'GraphQL requests answered, by process part (gateway or subgraph), operation and outcome (ok or error)',
  labelNames: ['service', 'operation', 'outcome'],
  registers: [metricsRegistry],
});
const errors = new Counter({
  name: 'clinigraph_graphql_errors_total',
  help: 'GraphQL errors in answers, by service, operation and error code',
  labelNames: ['service', 'operation', 'code'],
  registers: [metricsRegistry],
});
const duration = new Histogram({
  name: 'clinigraph_graphql_request_duration_seconds',
  help: 'Time from receiving a GraphQL request to sending its answer, by service and operation',
  labelNames: ['service', 'operation'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** Operation names beyond this many distinct ones count as 'other' (CLINIGRAPH_METRICS_MAX_OPERATIONS). */
const MAX_OPERATIONS = Number(process.env.CLINIGRAPH_METRICS_MAX_OPERATIONS ?? 300);
const operationLabel = boundedLabel(MAX_OPERATIONS);
const codeLabel = boundedLabel(60);

/**
 * Counts and times every GraphQL request by operation name: requests, errors (by extensions.code) and
 * duration. A request that never resolved an operation (unparsable, invalid) counts as 'invalid'.
 * It also names the request's trace span after the operation.
 */
export function graphqlMetricsPlugin<T extends object>(service: string): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      const start = performance.now();
      return {
        async didResolveOperation({ operationName }) {
          nameRequestSpan(operationLabel(operationName));
        },
        async willSendResponse({ operation, operationName, response }) {
          const found = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const name = operation ? operationLabel(operationName) : 'invalid';
          const failed = (found?.length ?? 0) > 0;
          requests.inc({ service, operation: name, outcome: failed ? 'error' : 'ok' });
          duration.observe({ service, operation: name }, secondsSince(start));
          for (const error of found ?? []) {
            const code = error.extensions?.code;
            errors.inc({ service, operation: name, code: codeLabel(typeof code === 'string' ? code : null, 'INTERNAL_SERVER_ERROR') });
          }
        },
      };
    },
  };
}
