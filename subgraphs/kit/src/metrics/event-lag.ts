import { Gauge } from 'prom-client';
import type { Database } from '../db/connect.ts';
import { metricsRegistry } from './registry.ts';

export interface WatchedConsumer {
  name: string;
  topics: string[];
}

/** The databases whose consumers this process runs, with those consumers. */
const watched = new Map<Database, Map<string, WatchedConsumer>>();

/** Counting stops here: a consumer this far behind is an outage whatever the exact number. */
const COUNT_CAP = 1_000_000;

new Gauge({
  name: 'clinigraph_event_consumer_lag',
  help: "Events in events.log past each consumer's offset in the topics it reads (0 when caught up; counted up to 1,000,000)",
  labelNames: ['consumer'],
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const [database, consumers] of watched) {
      for (const consumer of consumers.values()) {
        try {
          const [row] = await database.query<{ lag: string }>(
            `select count(*)::text as lag from (
               select 1 from events.log
                where topic = any($2::text[])
                  and id > coalesce((select last_id from events.consumer_offset where consumer = $1), 0)
                limit ${COUNT_CAP}) pending`,
            [consumer.name, consumer.topics],
          );
          this.set({ consumer: consumer.name }, Number(row?.lag ?? 0));
        } catch {
          // The database is away (shutting down, an outage): the scrape still answers, without this consumer.
        }
      }
    }
  },
});

/** Reports these consumers' lag on /metrics until the returned function is called. */
export function watchConsumerLag(database: Database, consumers: WatchedConsumer[]): () => void {
  if (!consumers.length) return () => {};
  const own = watched.get(database) ?? new Map<string, WatchedConsumer>();
  watched.set(database, own);
  for (const consumer of consumers) own.set(consumer.name, { name: consumer.name, topics: [...consumer.topics] });
  return () => {
    for (const consumer of consumers) own.delete(consumer.name);
    if (!own.size) watched.delete(database);
  };
}
