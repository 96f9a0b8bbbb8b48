import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from './audit.ts';
import { consumerOffset } from './db/schema.ts';
import { emitEvent } from './events.ts';
import { AUDIT_NOTICE, pruneEventLog } from './events-retention.ts';
import { createTestDatabase, type TestDatabase } from './testing/database.ts';

const NOW = new Date('2026-06-30T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const work = mkdtempSync(join(tmpdir(), 'clinigraph-retention-'));

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
  rmSync(work, { recursive: true, force: true });
});

/** Appends an event, then dates it `age` days back. */
async function eventAged(age: number): Promise<bigint> {
  const id = await t.database.db.transaction((tx) => emitEvent(tx, { topic: 'visit.completed', entityType: 'Visit', entityId: `v-${age}` }));
  await t.database.query('update events.log set created_at = $1 where id = $2', [daysAgo(age).toISOString(), id.toString()]);
  return id;
}

const remainingIds = async () => (await t.database.query<{ id: string }>('select id::text from events.log order by id')).map((r) => BigInt(r.id));
const auditCount = async () => (await t.database.query<{ n: number }>('select count(*)::int as n from audit.event'))[0]!.n;
const setOffset = (consumer: string, lastId: bigint) =>
  t.database.db.insert(consumerOffset).values({ consumer, lastId }).onConflictDoUpdate({ target: consumerOffset.consumer, set: { lastId } });

describe('event log retention', () => {
  it('removes only rows that every consumer has processed and that are older than the window; the audit trail stays whole', async () => {
    const [old1, old2, old3, recent] = [await eventAged(90), await eventAged(60), await eventAged(45), await eventAged(5)];
    await t.database.db.transaction(async (tx) => {
      const audit = new AuditLog({ service: 'test', identity: null, ip: null, requestId: 'retention', operation: 'retention' });
      audit.record({ action: 'read', entityType: 'Visit', entityId: 'v-90' });
      await audit.flush(tx);
    });
    const audited = await auditCount();
    // finance.visits is behind: it has processed old1 only; the other consumer has seen everything.
    await setOffset('finance.visits', old1!);
    await setOffset('care.open-encounter-on-check-in', recent!);

    const report = await pruneEventLog(t.database, { consumers: ['finance.visits', 'care.open-encounter-on-check-in'], days: 30, now: NOW });
    expect(report).toMatchObject({ removed: 1, safeId: old1 });
    expect(await remainingIds()).toEqual([old2, old3, recent]);
    expect(await auditCount()).toBe(audited);
    expect(AUDIT_NOTICE).toMatch(/audit\.event\) is never pruned/);

    // Once it catches up, rows past the window go (archived first); the recent one stays.
    await setOffset('finance.visits', recent!);
    const archiveFile = join(work, 'events.jsonl.gz');
    const next = await pruneEventLog(t.database, { consumers: ['finance.visits', 'care.open-encounter-on-check-in'], days: 30, now: NOW, archiveFile });
    expect(next.removed).toBe(2);
    expect(await remainingIds()).toEqual([recent]);
    const archived = gunzipSync(readFileSync(archiveFile))
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; entityId: string });
    expect(archived.map((r) => [r.id, r.entityId])).toEqual([
      [old2!.toString(), 'v-60'],
      [old3!.toString(), 'v-45'],
    ]);
    expect(await auditCount()).toBe(audited);
  });

  it('keeps everything while a consumer the deployment runs has no offset yet', async () => {
    const old = await eventAged(400);
    const report = await pruneEventLog(t.database, { consumers: ['finance.visits', 'scheduling.not-started-yet'], days: 30, now: NOW });
    expect(report.removed).toBe(0);
    expect(await remainingIds()).toContain(old);
  });
});
