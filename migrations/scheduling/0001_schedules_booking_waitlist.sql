CREATE TYPE "scheduling"."booking_policy" AS ENUM('patient_instant', 'patient_request', 'staff_only');--> statement-breakpoint
CREATE TYPE "scheduling"."exception_kind" AS ENUM('time_off', 'holiday', 'extra_session');--> statement-breakpoint
CREATE TYPE "scheduling"."mail_status" AS ENUM('pending', 'sending', 'sent', 'no_address', 'skipped', 'failed');--> statement-breakpoint
CREATE TYPE "scheduling"."offer_status" AS ENUM('pending', 'accepted', 'declined', 'expired', 'lost');--> statement-breakpoint
CREATE TYPE "scheduling"."waitlist_status" AS ENUM('waiting', 'offered', 'booked', 'cancelled');--> statement-breakpoint
CREATE TABLE "scheduling"."appointment_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"appointment_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" "scheduling"."appointment_status",
	"to_status" "scheduling"."appointment_status" NOT NULL,
	"from_starts_at" timestamp with time zone,
	"to_starts_at" timestamp with time zone,
	"reason" text,
	"actor_id" uuid,
	"actor_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduling"."appointment_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"rrule" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduling"."facility_zone" (
	"facility_id" uuid PRIMARY KEY NOT NULL,
	"timezone" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduling"."notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"appointment_id" uuid,
	"offer_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scheduling"."queue_counter" (
	"provider_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last_token" integer NOT NULL,
	CONSTRAINT "queue_counter_provider_id_day_pk" PRIMARY KEY("provider_id","day")
);
--> statement-breakpoint
CREATE TABLE "scheduling"."reminder" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"mail_status" "scheduling"."mail_status" DEFAULT 'pending' NOT NULL,
	"mail_claimed_at" timestamp with time zone,
	"mailed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scheduling"."schedule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"specialty" text,
	"label" text,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schedule_effective_range" CHECK ("scheduling"."schedule"."effective_to" is null or "scheduling"."schedule"."effective_to" >= "scheduling"."schedule"."effective_from")
);
--> statement-breakpoint
CREATE TABLE "scheduling"."schedule_exception" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "scheduling"."exception_kind" NOT NULL,
	"facility_id" uuid NOT NULL,
	"provider_id" uuid,
	"schedule_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"slot_minutes" integer,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schedule_exception_range" CHECK ("scheduling"."schedule_exception"."ends_at" > "scheduling"."schedule_exception"."starts_at"),
	CONSTRAINT "schedule_exception_shape" CHECK (("scheduling"."schedule_exception"."kind" = 'holiday' and "scheduling"."schedule_exception"."provider_id" is null) or ("scheduling"."schedule_exception"."kind" = 'time_off' and "scheduling"."schedule_exception"."provider_id" is not null) or ("scheduling"."schedule_exception"."kind" = 'extra_session' and "scheduling"."schedule_exception"."schedule_id" is not null and "scheduling"."schedule_exception"."provider_id" is not null and "scheduling"."schedule_exception"."slot_minutes" between 5 and 480))
);
--> statement-breakpoint
CREATE TABLE "scheduling"."schedule_rule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schedule_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	"slot_minutes" integer NOT NULL,
	"breaks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"effective_from" date,
	"effective_to" date,
	CONSTRAINT "schedule_rule_weekday" CHECK ("scheduling"."schedule_rule"."weekday" between 1 and 7),
	CONSTRAINT "schedule_rule_times" CHECK ("scheduling"."schedule_rule"."end_time" > "scheduling"."schedule_rule"."start_time"),
	CONSTRAINT "schedule_rule_slot" CHECK ("scheduling"."schedule_rule"."slot_minutes" between 5 and 480)
);
--> statement-breakpoint
CREATE TABLE "scheduling"."type_offering" (
	"type_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	CONSTRAINT "type_offering_type_id_provider_id_pk" PRIMARY KEY("type_id","provider_id")
);
--> statement-breakpoint
CREATE TABLE "scheduling"."waitlist_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"provider_id" uuid,
	"earliest" timestamp with time zone NOT NULL,
	"latest" timestamp with time zone NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"status" "scheduling"."waitlist_status" DEFAULT 'waiting' NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waitlist_entry_window" CHECK ("scheduling"."waitlist_entry"."latest" > "scheduling"."waitlist_entry"."earliest")
);
--> statement-breakpoint
CREATE TABLE "scheduling"."waitlist_offer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" "scheduling"."offer_status" DEFAULT 'pending' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"appointment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "scheduling"."appointment" ADD COLUMN "buffer_before_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "scheduling"."appointment" ADD COLUMN "buffer_after_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "scheduling"."appointment" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "scheduling"."appointment" ADD COLUMN "booked_by" uuid;--> statement-breakpoint
ALTER TABLE "scheduling"."appointment" ADD COLUMN "queue_day" date;--> statement-breakpoint
ALTER TABLE "scheduling"."appointment" ADD COLUMN "queue_token" integer;--> statement-breakpoint
ALTER TABLE "scheduling"."appointment" ADD COLUMN "checked_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "scheduling"."appointment" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "scheduling"."appointment" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "scheduling"."appointment_type" ADD COLUMN "buffer_before_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "scheduling"."appointment_type" ADD COLUMN "buffer_after_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "scheduling"."appointment_type" ADD COLUMN "booking_policy" "scheduling"."booking_policy" DEFAULT 'patient_instant' NOT NULL;--> statement-breakpoint
ALTER TABLE "scheduling"."appointment_type" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "scheduling"."appointment_history" ADD CONSTRAINT "appointment_history_appointment_id_appointment_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "scheduling"."appointment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."appointment_series" ADD CONSTRAINT "appointment_series_type_id_appointment_type_id_fk" FOREIGN KEY ("type_id") REFERENCES "scheduling"."appointment_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."notification" ADD CONSTRAINT "notification_appointment_id_appointment_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "scheduling"."appointment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."notification" ADD CONSTRAINT "notification_offer_id_waitlist_offer_id_fk" FOREIGN KEY ("offer_id") REFERENCES "scheduling"."waitlist_offer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."reminder" ADD CONSTRAINT "reminder_appointment_id_appointment_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "scheduling"."appointment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."schedule" ADD CONSTRAINT "schedule_facility_id_facility_zone_facility_id_fk" FOREIGN KEY ("facility_id") REFERENCES "scheduling"."facility_zone"("facility_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."schedule_exception" ADD CONSTRAINT "schedule_exception_schedule_id_schedule_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "scheduling"."schedule"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."schedule_rule" ADD CONSTRAINT "schedule_rule_schedule_id_schedule_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "scheduling"."schedule"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."type_offering" ADD CONSTRAINT "type_offering_type_id_appointment_type_id_fk" FOREIGN KEY ("type_id") REFERENCES "scheduling"."appointment_type"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."waitlist_entry" ADD CONSTRAINT "waitlist_entry_type_id_appointment_type_id_fk" FOREIGN KEY ("type_id") REFERENCES "scheduling"."appointment_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."waitlist_offer" ADD CONSTRAINT "waitlist_offer_entry_id_waitlist_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "scheduling"."waitlist_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."waitlist_offer" ADD CONSTRAINT "waitlist_offer_type_id_appointment_type_id_fk" FOREIGN KEY ("type_id") REFERENCES "scheduling"."appointment_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."waitlist_offer" ADD CONSTRAINT "waitlist_offer_appointment_id_appointment_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "scheduling"."appointment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_history_appointment_idx" ON "scheduling"."appointment_history" USING btree ("appointment_id","id");--> statement-breakpoint
CREATE INDEX "notification_patient_idx" ON "scheduling"."notification" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_appointment_start_uq" ON "scheduling"."reminder" USING btree ("appointment_id","starts_at");--> statement-breakpoint
CREATE INDEX "reminder_mail_pending_idx" ON "scheduling"."reminder" USING btree ("created_at") WHERE "scheduling"."reminder"."mail_status" = 'pending';--> statement-breakpoint
CREATE INDEX "schedule_provider_idx" ON "scheduling"."schedule" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "schedule_facility_idx" ON "scheduling"."schedule" USING btree ("facility_id");--> statement-breakpoint
CREATE INDEX "schedule_exception_facility_idx" ON "scheduling"."schedule_exception" USING btree ("facility_id","starts_at");--> statement-breakpoint
CREATE INDEX "schedule_exception_provider_idx" ON "scheduling"."schedule_exception" USING btree ("provider_id","starts_at");--> statement-breakpoint
CREATE INDEX "schedule_rule_schedule_idx" ON "scheduling"."schedule_rule" USING btree ("schedule_id");--> statement-breakpoint
CREATE INDEX "type_offering_provider_idx" ON "scheduling"."type_offering" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "waitlist_entry_status_idx" ON "scheduling"."waitlist_entry" USING btree ("status","type_id");--> statement-breakpoint
CREATE INDEX "waitlist_entry_patient_idx" ON "scheduling"."waitlist_entry" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offer_pending_slot_uq" ON "scheduling"."waitlist_offer" USING btree ("provider_id","starts_at") WHERE "scheduling"."waitlist_offer"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offer_pending_entry_uq" ON "scheduling"."waitlist_offer" USING btree ("entry_id") WHERE "scheduling"."waitlist_offer"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offer_entry_slot_uq" ON "scheduling"."waitlist_offer" USING btree ("entry_id","provider_id","starts_at");--> statement-breakpoint
CREATE INDEX "waitlist_offer_expiry_idx" ON "scheduling"."waitlist_offer" USING btree ("expires_at") WHERE "scheduling"."waitlist_offer"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "scheduling"."appointment" ADD CONSTRAINT "appointment_series_id_appointment_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "scheduling"."appointment_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_series_idx" ON "scheduling"."appointment" USING btree ("series_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_queue_token_uq" ON "scheduling"."appointment" USING btree ("provider_id","queue_day","queue_token");--> statement-breakpoint
ALTER TABLE "scheduling"."appointment" ADD CONSTRAINT "appointment_time_order" CHECK ("scheduling"."appointment"."ends_at" > "scheduling"."appointment"."starts_at");--> statement-breakpoint
ALTER TABLE "scheduling"."appointment_type" ADD CONSTRAINT "appointment_type_duration_positive" CHECK ("scheduling"."appointment_type"."duration_minutes" > 0 and "scheduling"."appointment_type"."duration_minutes" <= 480);--> statement-breakpoint
ALTER TABLE "scheduling"."appointment_type" ADD CONSTRAINT "appointment_type_buffers_valid" CHECK ("scheduling"."appointment_type"."buffer_before_minutes" between 0 and 240 and "scheduling"."appointment_type"."buffer_after_minutes" between 0 and 240);