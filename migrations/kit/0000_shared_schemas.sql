CREATE SCHEMA "audit";
--> statement-breakpoint
CREATE SCHEMA "events";
--> statement-breakpoint
CREATE TABLE "audit"."event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"patient_id" uuid,
	"service" text NOT NULL,
	"operation" text,
	"ip" text,
	"request_id" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "events"."log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"facility_id" uuid,
	"patient_id" uuid,
	"provider_id" uuid,
	"actor_id" uuid,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "event_patient_at_idx" ON "audit"."event" USING btree ("patient_id","at");--> statement-breakpoint
CREATE INDEX "event_actor_at_idx" ON "audit"."event" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "event_at_idx" ON "audit"."event" USING btree ("at");--> statement-breakpoint
CREATE INDEX "log_topic_id_idx" ON "events"."log" USING btree ("topic","id");