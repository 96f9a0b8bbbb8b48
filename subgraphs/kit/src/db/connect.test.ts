import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.database.exec('create table public.pair (id int primary key, n int not null); insert into public.pair values (1, 0), (2, 0);');
});
afterAll(() => t?.drop());

describe('transactions on PostgreSQL', () => {
  it.skipIf(!process.env.DATABASE_URL)('rerun the deadlock victim, so both writers finish', async () => {
    let firstWrites = 0;
    let release!: () => void;
    const bothHaveLocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const attempts = { a: 0, b: 0 };
    const writer = (name: 'a' | 'b', first: number, second: number) =>
      t.database.db.transaction(async (tx) => {
        attempts[name]++;
        await tx.execute(sql`update public.pair set n = n + 1 where id = ${first}`);
        if (attempts[name] === 1) {
          if (++firstWrites === 2) release();
          await bothHaveLocked;
        }
        await tx.execute(sql`update public.pair set n = n + 1 where id = ${second}`);
      });
    await Promise.all([writer('a', 1, 2), writer('b', 2, 1)]);
    expect(attempts.a + attempts.b).toBe(3);
    const rows = await t.database.query<{ id: number; n: number }>('select id, n from public.pair order by id');
    expect(rows.map((r) => r.n)).toEqual([2, 2]);
  });
});
