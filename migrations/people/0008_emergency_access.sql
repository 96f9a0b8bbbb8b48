CREATE TABLE "people"."emergency_access" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	CONSTRAINT "emergency_access_reason_given" CHECK (length(trim("people"."emergency_access"."reason")) >= 10),
	CONSTRAINT "emergency_access_review_complete" CHECK (("people"."emergency_access"."reviewed_at" is null) = ("people"."emergency_access"."reviewed_by" is null) and ("people"."emergency_access"."reviewed_at" is null) = ("people"."emergency_access"."review_note" is null))
);
--> statement-breakpoint
ALTER TABLE "people"."emergency_access" ADD CONSTRAINT "emergency_access_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "people"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."emergency_access" ADD CONSTRAINT "emergency_access_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "people"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."emergency_access" ADD CONSTRAINT "emergency_access_reviewed_by_account_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "people"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emergency_access_session_idx" ON "people"."emergency_access" USING btree ("session_id","expires_at");--> statement-breakpoint
CREATE INDEX "emergency_access_review_idx" ON "people"."emergency_access" USING btree (("reviewed_at" is not null),"at");