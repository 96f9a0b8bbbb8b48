-- Custom SQL migration: after a patient merge, an appointment of the merged record that overlapped one of the
-- survivor's is kept (flagged merge_overlap) for reception to resolve; the per-patient rule skips only those.
-- The per-provider rule is unchanged: a merge never changes a provider's bookings.
ALTER TABLE "scheduling"."appointment" DROP CONSTRAINT "appointment_patient_no_overlap";
--> statement-breakpoint
ALTER TABLE "scheduling"."appointment" ADD CONSTRAINT "appointment_patient_no_overlap"
  EXCLUDE USING gist ("patient_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" NOT IN ('cancelled', 'no_show') AND NOT "merge_overlap");
