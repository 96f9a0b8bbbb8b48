import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerOffset } from './db/schema.ts';
import { deadlineFrom, withDeadline } from './deadline.ts';
import { createTestDatabase, type TestDatabase } from './testing/database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

const saved = async (consumer: string) => (await t.database.db.select().from(consumerOffset).where(eq(consumerOffset.consumer, consumer))).length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a request deadline from the gateway', () => {
  it('is read from the header as a local instant, kept back a little for the way back', () => {
    expect(deadlineFrom('2000', 10_000)).toBe(11_750);
    expect(deadlineFrom(undefined, 10_000)).toBeNull();
    expect(deadlineFrom('soon', 10_000)).toBeNull();
    expect(deadlineFrom('-5', 10_000)).toBeNull();
  });

  it('lets a transaction that ends in time commit', async () => {
    const db = withDeadline(t.database.db, Date.now() + 5_000);
    await db.transaction((tx) => tx.insert(consumerOffset).values({ consumer: 'in-time' }));
    expect(await saved('in-time')).toBe(1);
  });

  it('rolls back a transaction whose work ends past the deadline: the client was told it failed, so nothing is saved', async () => {
    const db = withDeadline(t.database.db, Date.now() + 300);
    const late = db.transaction(async (tx) => {
      await tx.insert(consumerOffset).values({ consumer: 'too-late' });
      await sleep(400);
    });
    await expect(late).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(await saved('too-late')).toBe(0);
  });

  it('starts no transaction once the deadline has passed', async () => {
    const db = withDeadline(t.database.db, Date.now() - 1);
    await expect(db.transaction((tx) => tx.insert(consumerOffset).values({ consumer: 'after' }))).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect(await saved('after')).toBe(0);
  });
});
