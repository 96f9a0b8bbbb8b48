/**
 * Event writers in parallel: `npx tsx bench/events.ts` (PGlite) or with DATABASE_URL=postgres://… (a fresh
 * database is created and dropped on that server). Prints, each beside its reference in the same run — the
 * same transactions taking wave 1's global event-order lock (`pg_advisory_xact_lock` before the insert):
 *   1. wall time of 16 concurrent transactions that each work 100 ms after appending their event;
 *   2. event transactions per second at 1 and 32 clients (one row and one event each);
 *   and that a live tail running throughout handed out every event once, in id order.
 * PGlite has one connection: its transactions run one at a time either way. Options: --transactions 2000.
 */
import { parseArgs } from 'node:util';

process.env.LOG_LEVEL ??= 'silent';

const { sql } = await import('drizzle-orm');
const { createTestDatabase } = await import('@clinigraph/kit/testing');
const { emitEvent } = await import('@clinigraph/kit');
const { EventTail } = await import('@clinigraph/kit/event-tail');

const { values: args } = parseArgs({ options: { transactions: { type: 'string', default: '2000' } } });
const TRANSACTIONS = Number(args.transactions);
const WAVE_1_LOCK = 7_310_000_001;

const testDb = await createTestDatabase();
const database = testDb.database;
try {
  await database.exec('create table public.bench_work (id bigserial primary key, n int not null)');
  const tail = await EventTail.start(database, { pollMs: 60_000 });
  const tailed: bigint[] = [];
  tail.onEvents((rows) => tailed.push(...rows.filter((r) => r.topic === 'bench.written').map((r) => r.id)));

  /** One transaction: a row of its own, then its event (after the wave-1 lock when `locked`), then `workMs` of work. */
  const transaction = (locked: boolean, workMs: number) =>
    database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into public.bench_work (n) values (1)`);
      if (locked) await tx.execute(sql`select pg_advisory_xact_lock(${WAVE_1_LOCK})`);
      await emitEvent(tx, { topic: 'bench.written', entityType: 'Bench', entityId: 'x' });
      if (workMs) await tx.execute(sql`select pg_sleep(${workMs / 1000})`);
    });

  const wall = async (locked: boolean, clients: number, perClient: number, workMs: number) => {
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let i = 0; i < perClient; i++) await transaction(locked, workMs);
      }),
    );
    return performance.now() - started;
  };

  console.log(`event writers on ${database.kind === 'pglite' ? 'PGlite (one connection)' : 'PostgreSQL'}; reference: the same work under wave 1's global lock`);
  const [free16, locked16] = [await wall(false, 16, 1, 100), await wall(true, 16, 1, 100)];
  console.log(
    `1. 16 transactions × 100 ms after their event: ${free16.toFixed(0)} ms · reference ${locked16.toFixed(0)} ms · ${(locked16 / free16).toFixed(1)}× faster · ${database.kind === 'pglite' ? 'n/a (one connection)' : free16 < 800 ? 'pass' : 'fail'} (< 800 ms, half of 16 × 100)`,
  );
  for (const clients of [1, 32]) {
    const perClient = Math.max(1, Math.round(TRANSACTIONS / clients));
    const [free, locked] = [await wall(false, clients, perClient, 0), await wall(true, clients, perClient, 0)];
    const rate = (ms: number) => ((clients * perClient) / (ms / 1000)).toFixed(0);
    console.log(
      `2. ${String(clients).padStart(2)} clients: ${rate(free)} event transactions/s · reference ${rate(locked)}/s · ratio ${(locked / free).toFixed(2)}`,
    );
  }

  await tail.caughtUp();
  const [row] = await database.query<{ n: number }>("select count(*)::int as n from events.log where topic = 'bench.written'");
  const inOrder = tailed.every((id, i) => i === 0 || id > tailed[i - 1]!);
  console.log(
    `3. live tail: ${tailed.length} of ${row?.n} events handed out, ${inOrder ? 'in id order' : 'OUT OF ORDER'} · ${tailed.length === row?.n && inOrder ? 'pass' : 'fail'}`,
  );
  await tail.stop();
} finally {
  await testDb.drop();
}
