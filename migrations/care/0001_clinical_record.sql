CREATE TYPE "care"."encounter_origin" AS ENUM('appointment', 'walk_in');--> statement-breakpoint
CREATE TYPE "care"."lab_order_status" AS ENUM('ordered', 'collected', 'received', 'resulted', 'verified', 'released', 'cancelled');--> statement-breakpoint
CREATE TYPE "care"."imaging_modality" AS ENUM('xray', 'ultrasound', 'ct', 'mri', 'mammography', 'fluoroscopy');--> statement-breakpoint
CREATE TYPE "care"."order_priority" AS ENUM('routine', 'urgent', 'stat');--> statement-breakpoint
CREATE TYPE "care"."radiology_status" AS ENUM('ordered', 'reported', 'verified', 'cancelled');--> statement-breakpoint
CREATE TYPE "care"."result_flag" AS ENUM('normal', 'low', 'high', 'critical_low', 'critical_high', 'abnormal');--> statement-breakpoint
CREATE TYPE "care"."diagnosis_kind" AS ENUM('primary', 'secondary');--> statement-breakpoint
CREATE TYPE "care"."note_template" AS ENUM('soap', 'progress', 'procedure');--> statement-breakpoint
CREATE TYPE "care"."prescription_status" AS ENUM('draft', 'finalised', 'partly_dispensed', 'dispensed', 'cancelled');--> statement-breakpoint
CREATE TYPE "care"."renewal_kind" AS ENUM('renewal', 'refill');--> statement-breakpoint
CREATE TYPE "care"."request_status" AS ENUM('pending', 'approved', 'declined');--> statement-breakpoint
CREATE TYPE "care"."medication_route" AS ENUM('oral', 'sublingual', 'topical', 'inhaled', 'intravenous', 'intramuscular', 'subcutaneous', 'rectal', 'ophthalmic', 'otic', 'nasal');--> statement-breakpoint
CREATE TYPE "care"."certificate_status" AS ENUM('requested', 'approved', 'declined');--> statement-breakpoint
CREATE TYPE "care"."certificate_template" AS ENUM('sick_leave', 'fitness_to_work', 'attendance');--> statement-breakpoint
CREATE TYPE "care"."dental_finding_kind" AS ENUM('caries', 'filling', 'crown', 'missing', 'extracted', 'root_canal', 'implant', 'bridge', 'fracture', 'sealant', 'watch');--> statement-breakpoint
CREATE TYPE "care"."document_kind" AS ENUM('report', 'consent', 'referral_letter', 'image', 'other');--> statement-breakpoint
CREATE TYPE "care"."treatment_status" AS ENUM('planned', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "care"."referral_status" AS ENUM('sent', 'accepted', 'completed', 'cancelled');--> statement-breakpoint
CREATE TABLE "care"."vitals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"encounter_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"systolic" smallint,
	"diastolic" smallint,
	"pulse" smallint,
	"temperature_c" numeric(4, 1),
	"respiratory_rate" smallint,
	"spo2" smallint,
	"weight_kg" numeric(5, 2),
	"height_cm" numeric(4, 1),
	"bmi" numeric(4, 1) GENERATED ALWAYS AS (case when weight_kg is not null and height_cm is not null then round(weight_kg / ((height_cm / 100.0) * (height_cm / 100.0)), 1) end) STORED,
	"pain_score" integer,
	CONSTRAINT "vitals_systolic_range" CHECK ("care"."vitals"."systolic" between 50 and 300),
	CONSTRAINT "vitals_diastolic_range" CHECK ("care"."vitals"."diastolic" between 20 and 200 and ("care"."vitals"."systolic" is null or "care"."vitals"."diastolic" < "care"."vitals"."systolic")),
	CONSTRAINT "vitals_pulse_range" CHECK ("care"."vitals"."pulse" between 20 and 250),
	CONSTRAINT "vitals_temperature_range" CHECK ("care"."vitals"."temperature_c" between 30 and 45),
	CONSTRAINT "vitals_respiratory_range" CHECK ("care"."vitals"."respiratory_rate" between 4 and 80),
	CONSTRAINT "vitals_spo2_range" CHECK ("care"."vitals"."spo2" between 50 and 100),
	CONSTRAINT "vitals_weight_range" CHECK ("care"."vitals"."weight_kg" between 0.3 and 400),
	CONSTRAINT "vitals_height_range" CHECK ("care"."vitals"."height_cm" between 20 and 260),
	CONSTRAINT "vitals_pain_range" CHECK ("care"."vitals"."pain_score" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "care"."lab_order" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"encounter_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"ordering_provider_id" uuid NOT NULL,
	"ordered_by" uuid NOT NULL,
	"status" "care"."lab_order_status" DEFAULT 'ordered' NOT NULL,
	"priority" "care"."order_priority" DEFAULT 'routine' NOT NULL,
	"clinical_info" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"collected_at" timestamp with time zone,
	"collected_by" uuid,
	"specimen" text,
	"received_at" timestamp with time zone,
	"received_by" uuid,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"released_at" timestamp with time zone,
	"released_by" uuid,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "care"."lab_order_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"test_code" text NOT NULL,
	"test_name" text NOT NULL,
	"unit" text,
	"ref_low" numeric,
	"ref_high" numeric,
	"critical_low" numeric,
	"critical_high" numeric,
	"current_version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "lab_order_item_order_test_key" UNIQUE("order_id","test_code")
);
--> statement-breakpoint
CREATE TABLE "care"."lab_result" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"value_numeric" numeric,
	"value_text" text,
	"flag" "care"."result_flag" NOT NULL,
	"comment" text,
	"correction_reason" text,
	"entered_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lab_result_item_version_key" UNIQUE("order_item_id","version"),
	CONSTRAINT "lab_result_has_value" CHECK ("care"."lab_result"."value_numeric" is not null or "care"."lab_result"."value_text" is not null)
);
--> statement-breakpoint
CREATE TABLE "care"."radiology_order" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"encounter_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"ordering_provider_id" uuid NOT NULL,
	"ordered_by" uuid NOT NULL,
	"modality" "care"."imaging_modality" NOT NULL,
	"body_part" text NOT NULL,
	"clinical_info" text,
	"priority" "care"."order_priority" DEFAULT 'routine' NOT NULL,
	"status" "care"."radiology_status" DEFAULT 'ordered' NOT NULL,
	"current_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verified_at" timestamp with time zone,
	"verified_by" uuid
);
--> statement-breakpoint
CREATE TABLE "care"."radiology_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"findings" text NOT NULL,
	"impression" text NOT NULL,
	"correction_reason" text,
	"reported_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "radiology_report_order_version_key" UNIQUE("order_id","version")
);
--> statement-breakpoint
CREATE TABLE "care"."diagnosis" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"encounter_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"code" text NOT NULL,
	"description" text NOT NULL,
	"kind" "care"."diagnosis_kind" DEFAULT 'secondary' NOT NULL,
	"comment" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diagnosis_encounter_code_key" UNIQUE("encounter_id","code")
);
--> statement-breakpoint
CREATE TABLE "care"."note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"encounter_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"template" "care"."note_template" NOT NULL,
	"author_id" uuid NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care"."note_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"note_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"sections" jsonb NOT NULL,
	"edited_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"change_reason" text,
	CONSTRAINT "note_version_note_version_key" UNIQUE("note_id","version"),
	CONSTRAINT "note_version_positive" CHECK ("care"."note_version"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "care"."dispense_record" (
	"dispense_id" text PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"prescription_id" uuid NOT NULL,
	"lines" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care"."prescription" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"encounter_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"prescriber_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"status" "care"."prescription_status" DEFAULT 'draft' NOT NULL,
	"valid_until" date NOT NULL,
	"notes" text,
	"renewed_from_id" uuid,
	"finalised_at" timestamp with time zone,
	"finalised_by" uuid,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care"."prescription_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prescription_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"medicine_name" text NOT NULL,
	"generic_name" text NOT NULL,
	"strength" text,
	"form" text,
	"dose" text NOT NULL,
	"route" "care"."medication_route" NOT NULL,
	"frequency" text NOT NULL,
	"duration_days" integer NOT NULL,
	"quantity" integer NOT NULL,
	"instructions" text,
	"refills" integer DEFAULT 0 NOT NULL,
	"refills_used" integer DEFAULT 0 NOT NULL,
	"dispensed_quantity" integer DEFAULT 0 NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "prescription_item_quantity_positive" CHECK ("care"."prescription_item"."quantity" > 0 and "care"."prescription_item"."duration_days" > 0),
	CONSTRAINT "prescription_item_refills_range" CHECK ("care"."prescription_item"."refills" between 0 and 12 and "care"."prescription_item"."refills_used" between 0 and "care"."prescription_item"."refills"),
	CONSTRAINT "prescription_item_dispensed_nonnegative" CHECK ("care"."prescription_item"."dispensed_quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "care"."renewal_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prescription_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" "care"."renewal_kind" NOT NULL,
	"status" "care"."request_status" DEFAULT 'pending' NOT NULL,
	"patient_note" text,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"new_prescription_id" uuid
);
--> statement-breakpoint
CREATE TABLE "care"."safety_acknowledgement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prescription_id" uuid NOT NULL,
	"finding_key" text NOT NULL,
	"severity" text NOT NULL,
	"message" text NOT NULL,
	"reason" text NOT NULL,
	"acknowledged_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care"."certificate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"encounter_id" uuid,
	"template" "care"."certificate_template" NOT NULL,
	"status" "care"."certificate_status" DEFAULT 'requested' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"patient_reason" text,
	"remarks" text,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"provider_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decline_reason" text,
	CONSTRAINT "certificate_dates_ordered" CHECK ("care"."certificate"."valid_to" >= "care"."certificate"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "care"."dental_finding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"encounter_id" uuid NOT NULL,
	"tooth" smallint NOT NULL,
	"surfaces" text[] DEFAULT '{}'::text[] NOT NULL,
	"finding" "care"."dental_finding_kind" NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dental_finding_fdi_tooth" CHECK (("care"."dental_finding"."tooth" / 10 between 1 and 4 and "care"."dental_finding"."tooth" % 10 between 1 and 8) or ("care"."dental_finding"."tooth" / 10 between 5 and 8 and "care"."dental_finding"."tooth" % 10 between 1 and 5))
);
--> statement-breakpoint
CREATE TABLE "care"."dental_plan_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"encounter_id" uuid NOT NULL,
	"tooth" smallint,
	"procedure" text NOT NULL,
	"priority" integer DEFAULT 1 NOT NULL,
	"status" "care"."treatment_status" DEFAULT 'planned' NOT NULL,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "dental_plan_fdi_tooth" CHECK ("care"."dental_plan_item"."tooth" is null or (("care"."dental_plan_item"."tooth" / 10 between 1 and 4 and "care"."dental_plan_item"."tooth" % 10 between 1 and 8) or ("care"."dental_plan_item"."tooth" / 10 between 5 and 8 and "care"."dental_plan_item"."tooth" % 10 between 1 and 5)))
);
--> statement-breakpoint
CREATE TABLE "care"."document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"encounter_id" uuid,
	"kind" "care"."document_kind" NOT NULL,
	"title" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"meta" jsonb,
	CONSTRAINT "document_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "care"."referral" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"encounter_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"from_provider_id" uuid NOT NULL,
	"to_provider_id" uuid,
	"to_specialty" text,
	"reason" text NOT NULL,
	"urgency" text DEFAULT 'routine' NOT NULL,
	"status" "care"."referral_status" DEFAULT 'sent' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_has_target" CHECK ("care"."referral"."to_provider_id" is not null or "care"."referral"."to_specialty" is not null)
);
--> statement-breakpoint
ALTER TABLE "care"."encounter" ADD COLUMN "origin" "care"."encounter_origin" DEFAULT 'appointment' NOT NULL;--> statement-breakpoint
ALTER TABLE "care"."encounter" ADD COLUMN "consultation_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "care"."encounter" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "care"."encounter" ADD COLUMN "follow_up_on" date;--> statement-breakpoint
ALTER TABLE "care"."encounter" ADD COLUMN "follow_up_reason" text;--> statement-breakpoint
ALTER TABLE "care"."encounter" ADD COLUMN "follow_up_provider_id" uuid;--> statement-breakpoint
ALTER TABLE "care"."vitals" ADD CONSTRAINT "vitals_encounter_id_encounter_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "care"."encounter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care"."lab_order" ADD CONSTRAINT "lab_order_encounter_id_encounter_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "care"."encounter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care"."lab_order_item" ADD CONSTRAINT "lab_order_item_order_id_lab_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "care"."lab_order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care"."lab_result" ADD CONSTRAINT "lab_result_order_item_id_lab_order_item_id_fk" FOREIGN KEY ("order_item_id") REFERENCES "care"."lab_order_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care"."radiology_order" ADD CONSTRAINT "radiology_order_encounter_id_encounter_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "care"."encounter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care"."radiology_report" ADD CONSTRAINT "radiology_report_order_id_radiology_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "care"."radiology_order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care"."diagnosis" ADD CONSTRAINT "diagnosis_encounter_id_encounter_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "care"."encounter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care"."note" ADD CONSTRAINT "note_encounter_id_encounter_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "care"."encounter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care"."note_version" ADD CONSTRAINT "note_version_note_id_note_id_fk" FOREIGN KEY ("note_id") REFERENCES "care"."note"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care"."dispense_record" ADD CONSTRAINT "dispense_record_prescription_id_prescription_id_fk" FOREIGN KEY ("prescription_id") REFERENCES "care"."prescription"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care"."prescription" ADD CONSTRAINT "prescription_encounter_id_encounter_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "care"."encounter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care"."prescription_item" ADD CONSTRAINT "prescription_item_prescription_id_prescription_id_fk" FOREIGN KEY ("prescription_id") REFERENCES "care"."prescription"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care"."renewal_request" ADD CONSTRAINT "renewal_request_prescription_id_prescription_id_fk" FOREIGN KEY ("prescription_id") REFERENCES "care"."prescription"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care"."safety_acknowledgement" ADD CONSTRAINT "safety_acknowledgement_prescription_id_prescription_id_fk" FOREIGN KEY ("prescription_id") REFERENCES "care"."prescription"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care"."certificate" ADD CONSTRAINT "certificate_encounter_id_encounter_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "care"."encounter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care"."dental_finding" ADD CONSTRAINT "dental_finding_encounter_id_encounter_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "care"."encounter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care"."dental_plan_item" ADD CONSTRAINT "dental_plan_item_encounter_id_encounter_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "care"."encounter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care"."document" ADD CONSTRAINT "document_encounter_id_encounter_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "care"."encounter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care"."referral" ADD CONSTRAINT "referral_encounter_id_encounter_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "care"."encounter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vitals_patient_recorded_idx" ON "care"."vitals" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "vitals_encounter_idx" ON "care"."vitals" USING btree ("encounter_id");--> statement-breakpoint
CREATE INDEX "lab_order_patient_idx" ON "care"."lab_order" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "lab_order_status_idx" ON "care"."lab_order" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "radiology_order_patient_idx" ON "care"."radiology_order" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "diagnosis_one_primary_idx" ON "care"."diagnosis" USING btree ("encounter_id") WHERE "care"."diagnosis"."kind" = 'primary';--> statement-breakpoint
CREATE INDEX "diagnosis_patient_idx" ON "care"."diagnosis" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "note_encounter_idx" ON "care"."note" USING btree ("encounter_id");--> statement-breakpoint
CREATE INDEX "note_patient_idx" ON "care"."note" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "prescription_patient_idx" ON "care"."prescription" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "prescription_encounter_idx" ON "care"."prescription" USING btree ("encounter_id");--> statement-breakpoint
CREATE INDEX "prescription_item_prescription_idx" ON "care"."prescription_item" USING btree ("prescription_id");--> statement-breakpoint
CREATE UNIQUE INDEX "renewal_request_one_pending_idx" ON "care"."renewal_request" USING btree ("prescription_id") WHERE "care"."renewal_request"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "renewal_request_patient_idx" ON "care"."renewal_request" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "safety_ack_prescription_idx" ON "care"."safety_acknowledgement" USING btree ("prescription_id");--> statement-breakpoint
CREATE INDEX "certificate_patient_idx" ON "care"."certificate" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "dental_finding_patient_idx" ON "care"."dental_finding" USING btree ("patient_id","tooth");--> statement-breakpoint
CREATE INDEX "dental_plan_patient_idx" ON "care"."dental_plan_item" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "document_patient_idx" ON "care"."document" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "referral_patient_idx" ON "care"."referral" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "encounter_provider_status_idx" ON "care"."encounter" USING btree ("provider_id","status");