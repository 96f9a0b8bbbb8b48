ALTER TABLE "care"."facility_lab_policy" ADD COLUMN "patient_release_delay_hours" integer DEFAULT 72 NOT NULL;--> statement-breakpoint
ALTER TABLE "care"."lab_order" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "care"."lab_order" ADD COLUMN "reviewed_by" uuid;--> statement-breakpoint
ALTER TABLE "care"."lab_order" ADD COLUMN "patient_visible_from" timestamp with time zone;--> statement-breakpoint
-- Results released before this rule existed stay visible to their patients.
UPDATE "care"."lab_order" SET "patient_visible_from" = "released_at" WHERE "status" = 'released';
