import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEventConsumers } from './consumers.ts';
import type { Tx } from './db/connect.ts';
import { EventTail } from './event-tail.ts';
import { emitEvent, readEventBatch } from './events.ts';
import { createTestDatabase, type TestDatabase } from './testing/database.ts';

const onPostgres = Boolean(process.env.DATABASE_URL);

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.database.exec('create table public.consumed (seq serial primary key, entity_id text not null unique)');
});
afterAll(() => t?.drop());

const emitIn = (tx: Tx, entityId: string, topic: string) => emitEvent(tx, { topic, entityType: 'Visit', entityId });
const emit = (entityId: string, topic: string) => t.database.db.transaction((tx) => emitIn(tx, entityId, topic));
const entities = (rows: { entityId: string }[]) => rows.map((r) => r.entityId);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A transaction that appends an event now and commits only when `commit()` is called. */
async function openTransaction(entityId: string, topic: string) {
  let commit!: () => void;
  const released = new Promise<void>((resolve) => (commit = resolve));
  let appended!: () => void;
  const inserted = new Promise<void>((resolve) => (appended = resolve));
  const done = t.database.db.transaction(async (tx) => {
    await emitIn(tx, entityId, topic);
    appended();
    await released;
  });
  await inserted;
  return {
    commit: () => {
      commit();
      return done;
    },
  };
}

describe('event ids in transaction order', () => {
  it('number the events of one transaction one after the other, after every id already final', async () => {
    const before = await readEventBatch(t.database.db, 0n, ['order.within'], 10);
    const ids = await t.database.db.transaction(async (tx) => [
      await emitIn(tx, 'w1', 'order.within'),
      await emitIn(tx, 'w2', 'order.within'),
      await emitIn(tx, 'w3', 'order.within'),
    ]);
    expect(before.rows).toEqual([]);
    expect(ids.map((id) => id - ids[0]!)).toEqual([0n, 1n, 2n]);
    const read = await readEventBatch(t.database.db, 0n, ['order.within'], 10);
    expect(read).toMatchObject({ held: false });
    expect(entities(read.rows)).toEqual(['w1', 'w2', 'w3']);
  });

  it('keep ids unique when a savepoint rolls back an event, and never number a rolled-back one', async () => {
    const ids = await t.database.db.transaction(async (tx) => {
      const first = await emitIn(tx, 's1', 'order.savepoint');
      await expect(
        tx.transaction(async (inner) => {
          await emitIn(inner, 'rolled-back', 'order.savepoint');
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      return [first, await emitIn(tx, 's2', 'order.savepoint')];
    });
    expect(ids[1]! > ids[0]!).toBe(true);
    expect(entities((await readEventBatch(t.database.db, 0n, ['order.savepoint'])).rows)).toEqual(['s1', 's2']);
  });
});

describe.skipIf(!onPostgres)('concurrent event writers (PostgreSQL)', () => {
  it('a transaction that takes an id first and commits last is never skipped by a reader, a live tail or a consumer', async () => {
    const topic = 'order.late';
    const tail = await EventTail.start(t.database, { pollMs: 60_000 });
    const tailed: string[] = [];
    tail.onEvents((rows) => tailed.push(...entities(rows.filter((r) => r.topic === topic))));
    const consumers = await startEventConsumers('test', t.database, [
      {
        name: 'order-recorder',
        topics: [topic],
        handle: async (event, { tx }) => {
          await tx.execute(sql`insert into public.consumed (entity_id) values (${event.entityId})`);
        },
      },
    ]);

    const late = await openTransaction('late', topic);
    try {
      for (const id of ['early-1', 'early-2', 'early-3']) await emit(id, topic);
      // The three are committed (a reader in id order alone would read them and move past "late")…
      const committed = await t.database.query<{ n: number }>('select count(*)::int as n from events.log where topic = $1', [topic]);
      expect(committed[0]?.n).toBe(3);
      // …but none is final while "late" may still commit before them: nothing is read, and the read says so.
      const whileOpen = await readEventBatch(t.database.db, 0n, [topic]);
      expect(whileOpen).toEqual({ rows: [], held: true });
      await sleep(100);
      expect(tailed).toEqual([]);
      expect(await t.database.query('select entity_id from public.consumed')).toEqual([]);
    } finally {
      await late.commit();
    }
    expect(entities((await readEventBatch(t.database.db, 0n, [topic])).rows)).toEqual(['late', 'early-1', 'early-2', 'early-3']);
    await tail.caughtUp();
    expect(tailed).toEqual(['late', 'early-1', 'early-2', 'early-3']);
    await consumers.drain();
    const consumed = await t.database.query<{ entity_id: string }>('select entity_id from public.consumed order by seq');
    expect(consumed.map((r) => r.entity_id)).toEqual(['late', 'early-1', 'early-2', 'early-3']);
    await consumers.stop();
    await tail.stop();
  });

  it('writers do not wait for each other: 16 transactions that each take 100 ms after their event finish together', async () => {
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        t.database.db.transaction(async (tx) => {
          await emitIn(tx, `parallel-${i}`, 'order.parallel');
          await tx.execute(sql`select pg_sleep(0.1)`);
        }),
      ),
    );
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(800);
    expect((await readEventBatch(t.database.db, 0n, ['order.parallel'])).rows).toHaveLength(16);
  });
});
