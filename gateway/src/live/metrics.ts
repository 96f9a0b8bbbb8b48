import { metricsRegistry } from '@clinigraph/kit/metrics/registry';
import { Gauge, Histogram } from 'prom-client';

/** Live subscriptions open on this gateway right now. */
export const liveSubscribers = new Gauge({
  name: 'clinigraph_live_subscribers',
  help: 'Live subscriptions open on this gateway',
  registers: [metricsRegistry],
});

/** From the event reader handing a committed event to a subscription to that subscriber's payload being ready. */
export const liveFanoutSeconds = new Histogram({
  name: 'clinigraph_live_fanout_seconds',
  help: 'Time from the event log reader receiving an event to a subscriber’s payload for it being ready (its query through the gateway included)',
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});
