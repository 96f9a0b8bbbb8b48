import type { TestStack } from '../../src/testing/stack.ts';

/**
 * `count` closed walk-in encounters over the given patients (round robin), each with one finalised
 * prescription of one line and one lab order of one test whose current result is version 1, the order
 * in `labStatus`. One set-based statement (bulk setup, not the path under test); the encounters rotate
 * over the given providers, and each is a minute older than the one before.
 */
export async function seedVisits(
  stack: TestStack,
  {
    patientIds,
    count,
    facilityId,
    providerIds,
    labStatus,
  }: { patientIds: string[]; count: number; facilityId: string; providerIds: string[]; labStatus: string },
): Promise<void> {
  await stack.db.database.query(
    `with e as (
       insert into care.encounter (patient_id, provider_id, facility_id, origin, status, chief_complaint, opened_at, closed_at)
       select ($1::uuid[])[1 + (n - 1) % cardinality($1::uuid[])], ($2::uuid[])[1 + (n - 1) % cardinality($2::uuid[])], $3::uuid,
              'walk_in', 'closed', 'Flat visit ' || n, now() - n * interval '1 minute', now()
       from generate_series(1, $4::int) n
       returning id, patient_id, provider_id, facility_id, opened_at
     ), rx as (
       insert into care.prescription (encounter_id, patient_id, prescriber_id, facility_id, status, valid_until, created_by, finalised_at, finalised_by)
       select id, patient_id, provider_id, facility_id, 'finalised', current_date + 30, provider_id, opened_at, provider_id from e
       returning id
     ), rx_line as (
       insert into care.prescription_item (prescription_id, item_id, medicine_name, generic_name, dose, route, frequency, duration_days, quantity, position)
       select id, gen_random_uuid(), 'Flatamol 500 mg', 'flatamol', '1 tablet', 'oral', 'twice daily', 5, 10, 1 from rx
     ), lab as (
       insert into care.lab_order (encounter_id, patient_id, facility_id, ordering_provider_id, ordered_by, status, created_at, collected_at, received_at, specimen)
       select id, patient_id, facility_id, provider_id, provider_id, $5::care.lab_order_status, opened_at, opened_at, opened_at, 'blood' from e
       returning id, ordered_by
     ), test as (
       insert into care.lab_order_item (order_id, test_code, test_name, unit, ref_low, ref_high, current_version)
       select id, 'HB', 'Haemoglobin', 'g/dL', 12, 16, 1 from lab
       returning id
     )
     insert into care.lab_result (order_item_id, version, value_numeric, flag, entered_by)
     select test.id, 1, 13.5, 'normal', ($2::uuid[])[1] from test`,
    [patientIds, providerIds, facilityId, count, labStatus],
  );
}
