import type { GqlClient } from '@clinigraph/kit/testing';
import type { TestStack } from '../../src/testing/stack.ts';

/** Runs one operation and returns its data with the whole request's SQL count (`extensions.sqlCount`, outside production). */
export async function measured<T>(client: GqlClient, query: string, variables: Record<string, unknown>): Promise<{ data: T; sqlCount: number }> {
  const result = await client.request<T>(query, variables);
  if (result.errors.length || !result.data) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  const sqlCount = result.extensions?.sqlCount;
  if (typeof sqlCount !== 'number') throw new Error('the gateway reported no extensions.sqlCount');
  return { data: result.data, sqlCount };
}

/** `count` new patients registered at the facility, with MRNs tagged so that seeds of one file never collide. */
export async function seedPatients(stack: TestStack, { tag, count, facilityId }: { tag: string; count: number; facilityId: string }): Promise<string[]> {
  // Registered at the facility, and so its patients (people's facility scoping reads patient_facility).
  const patients = await stack.db.database.query<{ id: string }>(
    `with registered as (
       insert into people.patient (mrn, given_name, family_name, date_of_birth, sex, registered_facility_id)
       select 'FLAT-' || $1 || '-' || n, 'Flat' || n, 'Board', date '1980-01-01', 'unknown', $2::uuid
       from generate_series(1, $3::int) n
       returning id
     ), linked as (insert into people.patient_facility (patient_id, facility_id) select id, $2::uuid from registered)
     select id from registered`,
    [tag, facilityId, count],
  );
  return patients.map((p) => p.id);
}

export interface SeededDay {
  from: string;
  to: string;
  patientIds: string[];
}

/**
 * `count` appointments at one facility on one UTC day, each for a new patient with one issued invoice,
 * written with one set-based INSERT per table (bulk setup, not the path under test). The appointments
 * rotate over the given providers in 10-minute steps, so neither no-overlap constraint is touched.
 */
export async function seedDay(
  stack: TestStack,
  { day, count, facilityId, providerIds }: { day: string; count: number; facilityId: string; providerIds: string[] },
): Promise<SeededDay> {
  const db = stack.db.database;
  const patientIds = await seedPatients(stack, { tag: `${day.replaceAll('-', '')}-${count}`, count, facilityId });
  const [type] = await db.query<{ id: string }>(`select id from scheduling.appointment_type order by code limit 1`);
  const from = `${day}T00:00:00.000Z`;
  await db.query(
    `insert into scheduling.appointment (facility_id, provider_id, patient_id, type_id, starts_at, ends_at, status)
     select $1::uuid, ($2::uuid[])[1 + (i - 1) % cardinality($2::uuid[])], p.id, $3::uuid,
            $4::timestamptz + interval '6 hours' + ((i - 1) / cardinality($2::uuid[])) * interval '10 minutes',
            $4::timestamptz + interval '6 hours' + ((i - 1) / cardinality($2::uuid[]) + 1) * interval '10 minutes',
            'confirmed'
     from unnest($5::uuid[]) with ordinality as p(id, i)`,
    [facilityId, providerIds, type!.id, from, patientIds],
  );
  await db.query(
    `insert into finance.invoice (patient_id, facility_id, currency, status, subtotal_minor, total_minor, issued_at)
     select p.id, $1::uuid, 'USD', 'issued', 5000, 5000, now() from unnest($2::uuid[]) as p(id)`,
    [facilityId, patientIds],
  );
  const to = new Date(Date.parse(from) + 24 * 3600_000).toISOString();
  return { from, to, patientIds };
}
