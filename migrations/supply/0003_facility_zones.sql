CREATE TABLE "supply"."facility_zone" (
	"facility_id" uuid PRIMARY KEY NOT NULL,
	"timezone" text NOT NULL,
	"event_id" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
