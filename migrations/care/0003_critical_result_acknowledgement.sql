CREATE TABLE "care"."critical_result_acknowledgement" (
	"lab_result_id" uuid PRIMARY KEY NOT NULL,
	"acknowledged_by" uuid NOT NULL,
	"acknowledged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "care"."critical_result_acknowledgement" ADD CONSTRAINT "critical_result_acknowledgement_lab_result_id_lab_result_id_fk" FOREIGN KEY ("lab_result_id") REFERENCES "care"."lab_result"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lab_result_critical_idx" ON "care"."lab_result" USING btree ("order_item_id") WHERE "care"."lab_result"."flag" in ('critical_low', 'critical_high');