import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEventConsumers } from './consumers.ts';
import { consumerOffset } from './db/schema.ts';
import { emitEvent } from './events.ts';
import { createTestDatabase, type TestDatabase } from './testing/database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.database.exec('create table public.consumed (event_id bigint primary key, entity_id text not null)');
});
afterAll(() => t?.drop());

const emit = (entityId: string, topic = 'visit.completed') => t.database.db.transaction((tx) => emitEvent(tx, { topic, entityType: 'Visit', entityId }));

const consumedIds = async () =>
  (await t.database.query<{ entity_id: string }>('select entity_id from public.consumed order by event_id')).map((r) => r.entity_id);

const recorder = {
  name: 'test-recorder',
  topics: ['visit.completed'],
  handle: async (event: { id: bigint; entityId: string }, { tx }: { tx: any }) => {
    await tx.execute(sql`insert into public.consumed (event_id, entity_id) values (${event.id}, ${event.entityId}) on conflict do nothing`);
  },
};

describe('event consumers', () => {
  it('process each committed event once, in order, and skip other topics and rolled-back changes', async () => {
    const running = await startEventConsumers('test', t.database, [recorder]);
    await emit('a');
    await emit('x', 'other.topic');
    await expect(
      t.database.db.transaction(async (tx) => {
        await emitEvent(tx, { topic: 'visit.completed', entityType: 'Visit', entityId: 'rolled-back' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await Promise.all(['b', 'c', 'd'].map((id) => emit(id)));
    await running.drain();
    const ids = await consumedIds();
    expect(ids[0]).toBe('a');
    expect([...ids].sort()).toEqual(['a', 'b', 'c', 'd']);
    await running.stop();
  });

  it('a replay from an earlier offset changes nothing when the handler is idempotent', async () => {
    await t.database.db.update(consumerOffset).set({ lastId: 0n }).where(sql`${consumerOffset.consumer} = 'test-recorder'`);
    const running = await startEventConsumers('test', t.database, [recorder]);
    await running.drain();
    expect(await consumedIds()).toHaveLength(4);
    await running.stop();
  });

  it('a failing handler rolls back and does not advance, then succeeds on retry', async () => {
    let fail = true;
    const flaky = {
      ...recorder,
      name: 'flaky',
      handle: async (event: { id: bigint; entityId: string }, ctx: { tx: any }) => {
        if (fail) throw new Error('boom');
        await recorder.handle(event, ctx);
      },
    };
    const running = await startEventConsumers('test', t.database, [flaky]);
    await emit('e');
    await expect(running.drain()).rejects.toThrow('boom');
    const [before] = await t.database.query<{ last_id: string }>("select last_id from events.consumer_offset where consumer = 'flaky'");
    expect(before?.last_id ?? '0').toBe('0');
    fail = false;
    await running.drain();
    expect(await consumedIds()).toContain('e');
    await running.stop();
  });
});
