-- Custom SQL migration: no double booking, enforced by the database on every write path.
-- btree_gist lets a GiST exclusion constraint compare uuids with = next to ranges with &&.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- The time a booking keeps its provider busy: the appointment plus the type's buffers before and after.
-- Declared IMMUTABLE so it can index: adding whole minutes to a timestamptz does not depend on the zone.
CREATE FUNCTION "scheduling"."busy_range"(starts timestamptz, ends timestamptz, before_minutes integer, after_minutes integer)
RETURNS tstzrange LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT tstzrange(starts - make_interval(mins => before_minutes), ends + make_interval(mins => after_minutes), '[)')
$$;
--> statement-breakpoint
-- A provider is never double-booked (buffers included) by active appointments.
ALTER TABLE "scheduling"."appointment" ADD CONSTRAINT "appointment_provider_no_overlap"
  EXCLUDE USING gist (
    "provider_id" WITH =,
    "scheduling"."busy_range"("starts_at", "ends_at", "buffer_before_minutes", "buffer_after_minutes") WITH &&
  ) WHERE ("status" NOT IN ('cancelled', 'no_show'));
--> statement-breakpoint
-- A patient never holds two overlapping active appointments.
ALTER TABLE "scheduling"."appointment" ADD CONSTRAINT "appointment_patient_no_overlap"
  EXCLUDE USING gist ("patient_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" NOT IN ('cancelled', 'no_show'));
