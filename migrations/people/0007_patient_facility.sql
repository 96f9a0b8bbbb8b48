CREATE TABLE "people"."patient_facility" (
	"patient_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_facility_patient_id_facility_id_pk" PRIMARY KEY("patient_id","facility_id")
);
--> statement-breakpoint
ALTER TABLE "people"."patient_facility" ADD CONSTRAINT "patient_facility_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "people"."patient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."patient_facility" ADD CONSTRAINT "patient_facility_facility_id_facility_id_fk" FOREIGN KEY ("facility_id") REFERENCES "people"."facility"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_facility_facility_idx" ON "people"."patient_facility" USING btree ("facility_id","patient_id");--> statement-breakpoint
-- Backfill: every patient belongs to the facility they were registered at (bookings and visits link the rest as people's consumer reads the event log).
INSERT INTO "people"."patient_facility" ("patient_id", "facility_id", "since")
SELECT "id", "registered_facility_id", "created_at" FROM "people"."patient" WHERE "registered_facility_id" IS NOT NULL
ON CONFLICT DO NOTHING;
