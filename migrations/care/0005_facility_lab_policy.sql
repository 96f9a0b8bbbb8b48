CREATE TABLE "care"."facility_lab_policy" (
	"facility_id" uuid PRIMARY KEY NOT NULL,
	"single_person_lab" boolean DEFAULT false NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
