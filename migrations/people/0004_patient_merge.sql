ALTER TABLE "people"."patient" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "people"."patient" ADD COLUMN "merged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people"."patient" ADD CONSTRAINT "patient_merged_into_id_patient_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "people"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."patient" ADD CONSTRAINT "patient_not_merged_into_itself" CHECK ("people"."patient"."merged_into_id" <> "people"."patient"."id");--> statement-breakpoint
ALTER TABLE "people"."patient" ADD CONSTRAINT "patient_merge_complete" CHECK (("people"."patient"."merged_into_id" is null) = ("people"."patient"."merged_at" is null));