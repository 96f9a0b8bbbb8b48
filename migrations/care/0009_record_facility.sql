ALTER TABLE "care"."certificate" ADD COLUMN "facility_id" uuid;--> statement-breakpoint
ALTER TABLE "care"."document" ADD COLUMN "facility_id" uuid;--> statement-breakpoint
-- Backfill (facility scoping, issue 14): a record filed under an encounter belongs to the encounter's facility.
UPDATE "care"."certificate" c SET "facility_id" = e."facility_id" FROM "care"."encounter" e WHERE e."id" = c."encounter_id";--> statement-breakpoint
UPDATE "care"."document" d SET "facility_id" = e."facility_id" FROM "care"."encounter" e WHERE e."id" = d."encounter_id";--> statement-breakpoint
-- A certificate a patient asked for goes to the facility of their latest visit before the request; with none, it stays the whole record's.
UPDATE "care"."certificate" c SET "facility_id" = (
  SELECT e."facility_id" FROM "care"."encounter" e WHERE e."patient_id" = c."patient_id" AND e."opened_at" <= c."created_at" ORDER BY e."opened_at" DESC LIMIT 1
) WHERE c."encounter_id" IS NULL;
