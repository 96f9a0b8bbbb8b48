/**
 * Statements per request: `npx tsx bench/sql-count.ts` (PGlite) or with DATABASE_URL=postgres://… (a fresh
 * database is created and dropped on that server). Runs the day board (one facility's appointments with
 * each patient's name, provider and open invoices, as issue 13 measures it) through the gateway at 10 and
 * at 200 appointments and prints the whole request's SQL count (the gateway's `extensions.sqlCount`),
 * beside its reference: flat, the 200-appointment board runs as many statements as the 10-appointment one.
 */
process.env.LOG_LEVEL ??= 'silent';

const { startTestStack } = await import('../gateway/src/testing/stack.ts');
const { measured, seedDay } = await import('../gateway/test/flat-sql/fixtures.ts');
const { DAY_BOARD } = await import('../gateway/test/flat-sql/screens.ts');

const stack = await startTestStack();
try {
  const admin = await stack.as('admin');
  const at = { facilityId: stack.seed.facilityId, providerIds: stack.seed.providerIds };
  const counts: number[] = [];
  for (const [day, count] of [
    ['2031-03-04', 10],
    ['2031-03-05', 200],
  ] as const) {
    const seeded = await seedDay(stack, { ...at, day, count });
    const { sqlCount } = await measured(admin, DAY_BOARD, { from: seeded.from, to: seeded.to, facilityId: stack.seed.facilityId });
    counts.push(sqlCount);
  }
  const [ten, twoHundred] = counts as [number, number];
  const verdict = twoHundred === ten ? 'pass' : 'fail';
  console.log(
    `day board SQL statements: 10 appointments → ${ten}, 200 → ${twoHundred} · reference: flat (${ten} at both) · ratio ${(twoHundred / ten).toFixed(2)} · ${verdict}`,
  );
  console.log(`database: ${stack.db.url ? 'PostgreSQL' : 'PGlite'}`);
} finally {
  await stack.stop();
}
