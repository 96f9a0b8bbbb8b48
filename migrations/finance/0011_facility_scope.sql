ALTER TABLE "finance"."insurance_policy" ADD COLUMN "facility_id" uuid;--> statement-breakpoint
ALTER TABLE "finance"."payment" ADD COLUMN "facility_id" uuid;--> statement-breakpoint
ALTER TABLE "finance"."refund" ADD COLUMN "facility_id" uuid;--> statement-breakpoint
CREATE INDEX "invoice_facility_created_idx" ON "finance"."invoice" USING btree ("facility_id","created_at","id");--> statement-breakpoint
CREATE INDEX "charge_facility_patient_idx" ON "finance"."charge" USING btree ("facility_id","patient_id");--> statement-breakpoint
CREATE INDEX "payment_facility_patient_idx" ON "finance"."payment" USING btree ("facility_id","patient_id");--> statement-breakpoint
-- Facility scoping (issue 14): one invoice bills one facility. Older invoices take their charges' facility
-- (the first line's, for the few drafted across facilities), else that of their encounter's charges.
UPDATE "finance"."invoice" AS i SET "facility_id" = first_line."facility_id"
FROM (
  SELECT DISTINCT ON (l."invoice_id") l."invoice_id", c."facility_id"
  FROM "finance"."invoice_line" AS l JOIN "finance"."charge" AS c ON c."id" = l."charge_id"
  WHERE c."facility_id" IS NOT NULL
  ORDER BY l."invoice_id", l."position"
) AS first_line
WHERE i."id" = first_line."invoice_id" AND i."facility_id" IS NULL;--> statement-breakpoint
UPDATE "finance"."invoice" AS i SET "facility_id" = (
  SELECT c."facility_id" FROM "finance"."charge" AS c
  WHERE c."encounter_id" = i."encounter_id" AND c."facility_id" IS NOT NULL ORDER BY c."created_at" LIMIT 1
)
WHERE i."facility_id" IS NULL AND i."encounter_id" IS NOT NULL;--> statement-breakpoint
-- New invoices must have a facility; an older one with none to trace is left for network-wide staff (NOT VALID).
ALTER TABLE "finance"."invoice" ADD CONSTRAINT "invoice_facility_ck" CHECK ("finance"."invoice"."facility_id" IS NOT NULL) NOT VALID;--> statement-breakpoint
-- A payment against an invoice was taken at the invoice's facility. The ledger is append-only: this one
-- backfill of a new column goes around its trigger; deposits and refunds before it stay the network's.
ALTER TABLE "finance"."payment" DISABLE TRIGGER "payment_append_only";--> statement-breakpoint
UPDATE "finance"."payment" AS p SET "facility_id" = i."facility_id" FROM "finance"."invoice" AS i WHERE i."id" = p."invoice_id";--> statement-breakpoint
ALTER TABLE "finance"."payment" ENABLE TRIGGER "payment_append_only";