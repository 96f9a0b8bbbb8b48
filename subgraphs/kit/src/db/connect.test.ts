import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { translateDbError } from './pg-errors.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.database.exec('create table public.pair (id int primary key, n int not null); insert into public.pair values (1, 0), (2, 0);');
});
afterAll(() => t?.drop());

describe('transactions on PostgreSQL', () => {
  it.skipIf(!process.env.DATABASE_URL)('a deadlock victim gets a typed, retryable CONFLICT and the other writer finishes', async () => {
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
    const settled = await Promise.allSettled([writer('a', 1, 2), writer('b', 2, 1)]);
    const failures = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failures).toHaveLength(1);
    let mapped: unknown;
    try {
      translateDbError(failures[0]!.reason);
    } catch (err) {
      mapped = err;
    }
    expect(mapped).toBeInstanceOf(AppError);
    expect((mapped as AppError).extensions).toMatchObject({ code: 'CONFLICT', retryable: true });
    const rows = await t.database.query<{ id: number; n: number }>('select id, n from public.pair order by id');
    expect(rows.map((r) => r.n)).toEqual([1, 1]);
  });
});
