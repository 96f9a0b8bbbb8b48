import { createTestDatabase, planOf, type TestDatabase } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentsStarting } from './appointment-lists.ts';
import { bookedDuring } from './busy-time.ts';

const FACILITIES = 10;
const PROVIDERS = 50;
const DAYS = 400;
const uuid = (group: number, n: number) => `00000000-0000-0000-${String(group).padStart(4, '0')}-${String(n).padStart(12, '0')}`;
const providerIds = Array.from({ length: PROVIDERS }, (_, p) => uuid(1, p));

let t: TestDatabase;

/** How PostgreSQL would read this data for a query: its sequential scans and the indexes it uses. */
function planOfQuery(query: { toSQL(): { sql: string; params: unknown[] } }) {
  const { sql, params } = query.toSQL();
  return planOf(t.database, sql, params);
}

beforeAll(async () => {
  t = await createTestDatabase();
  const [type] = await t.database.query<{ id: string }>(
    `insert into scheduling.appointment_type (code, name, duration_minutes) values ('PLAN', 'Plan check', 30) returning id`,
  );
  // Years of history: every provider has one appointment a day for 400 days, over 10 facilities.
  await t.database.query(
    `insert into scheduling.appointment (facility_id, provider_id, patient_id, type_id, starts_at, ends_at)
     select ($1::uuid[])[1 + p % $2::int], ($3::uuid[])[1 + p], gen_random_uuid(), $4::uuid,
            timestamptz '2025-01-01 09:00Z' + d * interval '1 day', timestamptz '2025-01-01 09:30Z' + d * interval '1 day'
     from generate_series(0, $5::int - 1) p, generate_series(0, $6::int - 1) d`,
    [Array.from({ length: FACILITIES }, (_, f) => uuid(0, f)), FACILITIES, providerIds, type!.id, PROVIDERS, DAYS],
  );
  await t.database.exec('analyze scheduling.appointment');
}, 120_000);
afterAll(() => t?.drop());

describe('query plans over years of appointments', () => {
  it("reads one facility's day through appointment_facility_starts_idx, not a sequential scan", async () => {
    const plan = await planOfQuery(
      appointmentsStarting(t.database.db, { from: new Date('2026-01-10T00:00Z'), to: new Date('2026-01-11T00:00Z'), facilityId: uuid(0, 3) }),
    );
    expect(plan).toEqual({ seqScans: [], indexes: ['appointment_facility_starts_idx'] });
  });

  it("reads the providers' busy time through the no-overlap GiST index, bounded on both sides", async () => {
    const plan = await planOfQuery(bookedDuring(t.database.db, providerIds, new Date('2026-01-09T16:00Z'), new Date('2026-01-17T08:00Z')));
    expect(plan).toEqual({ seqScans: [], indexes: ['appointment_provider_no_overlap'] });
  });
});
