import { eq } from 'drizzle-orm';
import { AuditLog } from './audit.ts';
import type { Database, Tx } from './db/connect.ts';
import { consumerOffset } from './db/schema.ts';
import { EVENTS_CHANNEL, type EventRow, readEventBatch } from './events.ts';
import { HeldRetry } from './held-retry.ts';
import { log } from './log.ts';
import { watchConsumerLag } from './metrics/event-lag.ts';

export interface EventHandlerContext {
  tx: Tx;
  service: string;
  /** Audit entries for what the handler does, recorded as the system (no human actor). */
  audit: AuditLog;
}

/**
 * A server-side reader of the event log, e.g. care opening an encounter on check-in, or finance
 * charging a completed visit. The handler runs in the same transaction that advances the consumer's
 * offset, so within one database each event takes effect exactly once; handlers should still be
 * idempotent (a unique key on the source event) so a replay changes nothing.
 */
export interface EventConsumer {
  name: string;
  topics: string[];
  handle(event: EventRow, ctx: EventHandlerContext): Promise<void>;
}

export interface RunningConsumers {
  /** Processes everything committed so far; resolves when every consumer has caught up. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

const BATCH = 100;

/** One batch in one transaction: how many events it handled, and whether later ones are held (see `readEventBatch`). */
async function processBatch(service: string, database: Database, consumer: EventConsumer): Promise<{ handled: number; held: boolean }> {
  return database.db.transaction(async (tx) => {
    await tx.insert(consumerOffset).values({ consumer: consumer.name }).onConflictDoNothing();
    const [offset] = await tx.select().from(consumerOffset).where(eq(consumerOffset.consumer, consumer.name)).for('update');
    const { rows: events, held } = await readEventBatch(tx, offset?.lastId ?? 0n, consumer.topics, BATCH);
    const audit = new AuditLog({ service, identity: null, ip: null, requestId: `consumer:${consumer.name}`, operation: consumer.name });
    for (const event of events) await consumer.handle(event, { tx, service, audit });
    const last = events.at(-1);
    if (last) {
      await audit.flush(tx);
      await tx.update(consumerOffset).set({ lastId: last.id, updatedAt: new Date() }).where(eq(consumerOffset.consumer, consumer.name));
    }
    return { handled: events.length, held };
  });
}

/**
 * Runs consumers: woken by NOTIFY on commit, with a poll as a safety net. A failing handler rolls its
 * batch back and is retried on the next wake-up; it never skips an event.
 */
export async function startEventConsumers(service: string, database: Database, consumers: EventConsumer[], { pollMs = 2000 } = {}): Promise<RunningConsumers> {
  const running = new Map<string, Promise<void>>();
  /** Consumers whose last read left events held behind an older running transaction. */
  const held = new Set<string>();
  const retries = new Map(consumers.map((c) => [c.name, new HeldRetry(() => drainOne(c).catch(() => {}))]));
  let stopped = false;

  const drainOne = (consumer: EventConsumer): Promise<void> => {
    const previous = running.get(consumer.name) ?? Promise.resolve();
    const next = previous.then(async () => {
      for (;;) {
        if (stopped) return;
        const batch = await processBatch(service, database, consumer);
        if (batch.handled === BATCH) continue;
        if (batch.held) held.add(consumer.name);
        else held.delete(consumer.name);
        retries.get(consumer.name)?.after(batch.held);
        return;
      }
    });
    const settled = next.catch((err) => log.error({ err, consumer: consumer.name }, 'event consumer failed; will retry'));
    running.set(consumer.name, settled);
    return next;
  };
  const drainAll = () => Promise.all(consumers.map(drainOne)).then(() => undefined);

  const topics = new Set(consumers.flatMap((c) => c.topics));
  const unlisten = consumers.length
    ? await database.listen(EVENTS_CHANNEL, (payload) => {
        try {
          const { topic } = JSON.parse(payload) as { topic: string };
          if (!topics.has(topic)) return;
          for (const c of consumers) if (c.topics.includes(topic)) drainOne(c).catch(() => {});
        } catch {
          drainAll().catch(() => {});
        }
      })
    : async () => {};
  const unwatch = watchConsumerLag(database, consumers);
  const timer = consumers.length ? setInterval(() => drainAll().catch(() => {}), pollMs) : null;
  timer?.unref();
  drainAll().catch(() => {});

  return {
    drain: async () => {
      await Promise.all([...running.values()]);
      await drainAll();
      // Events committed before this call may wait behind an older transaction: wait for it to end.
      const pause = new HeldRetry(() => {});
      while (held.size && !stopped) {
        await pause.pause();
        await Promise.all(consumers.filter((c) => held.has(c.name)).map(drainOne));
      }
    },
    stop: async () => {
      stopped = true;
      for (const retry of retries.values()) retry.stop();
      unwatch();
      if (timer) clearInterval(timer);
      await unlisten();
      await Promise.all([...running.values()]);
    },
  };
}
