/**
 * Read audit of one request: `npx tsx bench/audit.ts` (PGlite) or with DATABASE_URL=postgres://… (a fresh
 * database is created and dropped on that server). A 200-row read (200 appointments of 50 patients, each
 * appointment and each patient recorded as read: 400 records, 250 distinct reads) is flushed as a request
 * ends. Prints rows, statements, wall and CPU time per flush, beside its reference in the same run: the
 * flush before issue 13, a drizzle multi-row INSERT … VALUES binding eleven parameters per row.
 * Options: --flushes 300.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

process.env.LOG_LEVEL ??= 'silent';

const { AuditLog, auditEvent } = await import('@clinigraph/kit');
const { requestScope } = await import('@clinigraph/kit/db/request-scope');
const { createTestDatabase } = await import('@clinigraph/kit/testing');

const { values: args } = parseArgs({ options: { flushes: { type: 'string', default: '300' } } });
const FLUSHES = Number(args.flushes);
const patients = Array.from({ length: 50 }, () => randomUUID());
const appointments = Array.from({ length: 200 }, (_, i) => ({ id: randomUUID(), patientId: patients[i % patients.length]! }));
const identity = { userId: randomUUID(), roles: ['receptionist' as const], patientId: null, providerId: null, facilityIds: [], scopes: [] };

/** What one day-board request records: each appointment, and each appointment's patient. */
const records = appointments.flatMap((a) => [
  { action: 'read' as const, entityType: 'Appointment', entityId: a.id, patientId: a.patientId },
  { action: 'read' as const, entityType: 'Patient', entityId: a.patientId, patientId: a.patientId },
]);

function recorded(): InstanceType<typeof AuditLog> {
  const audit = new AuditLog({ service: 'scheduling', identity, ip: '10.0.0.7', requestId: randomUUID(), operation: 'DayBoard' });
  for (const r of records) audit.record(r);
  return audit;
}

const testDb = await createTestDatabase();
const { db } = testDb.database;
const rowCount = async () => (await testDb.database.query<{ n: number }>('select count(*)::int as n from audit.event'))[0]!.n;

/** The flush before issue 13: the same distinct reads, as drizzle's multi-row INSERT … VALUES. */
async function referenceFlush(): Promise<void> {
  const distinct = new Map(records.map((r) => [`${r.entityType}|${r.entityId}`, r]));
  await db.insert(auditEvent).values(
    [...distinct.values()].map((e) => ({
      actorId: identity.userId,
      actorRoles: identity.roles,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      patientId: e.patientId,
      service: 'scheduling',
      operation: 'DayBoard',
      ip: '10.0.0.7',
      requestId: randomUUID(),
      detail: null,
    })),
  );
}

async function measure(flush: (audit: InstanceType<typeof AuditLog>) => Promise<void>) {
  // Both sides record the same 400 reads in an AuditLog: recording is part of the request's cost either way.
  const before = await rowCount();
  const scope = { sqlCount: 0 };
  const wall: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < FLUSHES; i++) {
    const audit = recorded();
    const started = performance.now();
    await requestScope.run(scope, () => flush(audit));
    wall.push(performance.now() - started);
  }
  const used = process.cpuUsage(cpu);
  wall.sort((a, b) => a - b);
  return {
    rows: ((await rowCount()) - before) / FLUSHES,
    statements: scope.sqlCount / FLUSHES,
    p50: wall[Math.floor(wall.length / 2)]!,
    cpu: (used.user + used.system) / 1000 / FLUSHES,
  };
}

try {
  for (let i = 0; i < 20; i++) await recorded().flush(db);
  const now = await measure((audit) => audit.flush(db));
  const reference = await measure(() => referenceFlush());
  const engine = testDb.database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  console.log(`read audit of a 200-row read (400 records, 250 distinct) on ${engine}, ${FLUSHES} flushes each; reference: the multi-row VALUES flush`);
  console.log(`   rows per request:       ${now.rows} · reference ${reference.rows}`);
  console.log(`   statements per request: ${now.statements} · reference ${reference.statements}`);
  console.log(
    `   wall p50 per flush:     ${now.p50.toFixed(2)} ms · reference ${reference.p50.toFixed(2)} ms · ${(reference.p50 / now.p50).toFixed(1)}× faster`,
  );
  console.log(`   CPU per flush (Node):   ${now.cpu.toFixed(2)} ms · reference ${reference.cpu.toFixed(2)} ms · ${(reference.cpu / now.cpu).toFixed(1)}× less`);
} finally {
  await testDb.drop();
}
