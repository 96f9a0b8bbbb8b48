CREATE SCHEMA "care";
--> statement-breakpoint
CREATE TYPE "care"."encounter_status" AS ENUM('open', 'in_consultation', 'closed');--> statement-breakpoint
CREATE TABLE "care"."encounter" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"appointment_id" uuid,
	"status" "care"."encounter_status" DEFAULT 'open' NOT NULL,
	"chief_complaint" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "encounter_appointment_id_unique" UNIQUE("appointment_id")
);
--> statement-breakpoint
CREATE INDEX "encounter_patient_opened_idx" ON "care"."encounter" USING btree ("patient_id","opened_at");