CREATE SCHEMA "scheduling";
--> statement-breakpoint
CREATE TYPE "scheduling"."appointment_status" AS ENUM('requested', 'confirmed', 'checked_in', 'in_progress', 'completed', 'cancelled', 'no_show');--> statement-breakpoint
CREATE TABLE "scheduling"."appointment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facility_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" "scheduling"."appointment_status" DEFAULT 'confirmed' NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduling"."appointment_type" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_type_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "scheduling"."appointment" ADD CONSTRAINT "appointment_type_id_appointment_type_id_fk" FOREIGN KEY ("type_id") REFERENCES "scheduling"."appointment_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_patient_starts_idx" ON "scheduling"."appointment" USING btree ("patient_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointment_provider_starts_idx" ON "scheduling"."appointment" USING btree ("provider_id","starts_at");