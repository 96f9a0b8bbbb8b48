CREATE TABLE "finance"."patient_merge" (
	"merged_patient_id" uuid PRIMARY KEY NOT NULL,
	"survivor_patient_id" uuid NOT NULL,
	"event_id" bigint NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_merge_event_id_unique" UNIQUE("event_id")
);
