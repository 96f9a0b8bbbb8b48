CREATE TYPE "finance"."billable_source" AS ENUM('appointment', 'dispense', 'lab_order', 'manual');--> statement-breakpoint
CREATE TYPE "finance"."billable_status" AS ENUM('pending', 'invoiced', 'void');--> statement-breakpoint
CREATE TYPE "finance"."claim_status" AS ENUM('draft', 'submitted', 'approved', 'partially_approved', 'denied', 'paid');--> statement-breakpoint
CREATE TYPE "finance"."credit_entry_kind" AS ENUM('overpayment', 'deposit', 'credit_note', 'applied', 'refund');--> statement-breakpoint
CREATE TYPE "finance"."invoice_status" AS ENUM('draft', 'issued', 'partially_paid', 'paid', 'credited', 'void');--> statement-breakpoint
CREATE TYPE "finance"."payment_method" AS ENUM('cash', 'card', 'insurance', 'online', 'credit');--> statement-breakpoint
CREATE TYPE "finance"."service_type" AS ENUM('consultation', 'procedure', 'lab_test', 'medicine', 'other');--> statement-breakpoint
CREATE SEQUENCE "finance"."claim_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "finance"."credit_note_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "finance"."invoice_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "finance"."receipt_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "finance"."refund_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "finance"."submission_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "finance"."credit_note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text DEFAULT 'CN-' || lpad(nextval('finance.credit_note_number_seq')::text, 6, '0') NOT NULL,
	"invoice_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"reason" text NOT NULL,
	"total_minor" bigint NOT NULL,
	"tax_minor" bigint NOT NULL,
	"refunded_to_credit_minor" bigint DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_note_number_unique" UNIQUE("number"),
	CONSTRAINT "credit_note_total_ck" CHECK ("finance"."credit_note"."total_minor" > 0 AND "finance"."credit_note"."tax_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "finance"."credit_note_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"credit_note_id" uuid NOT NULL,
	"invoice_line_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"tax_minor" bigint NOT NULL,
	CONSTRAINT "credit_note_line_amount_ck" CHECK ("finance"."credit_note_line"."amount_minor" > 0 AND "finance"."credit_note_line"."tax_minor" >= 0 AND "finance"."credit_note_line"."tax_minor" <= "finance"."credit_note_line"."amount_minor")
);
--> statement-breakpoint
CREATE TABLE "finance"."invoice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text DEFAULT 'INV-' || lpad(nextval('finance.invoice_number_seq')::text, 6, '0') NOT NULL,
	"patient_id" uuid NOT NULL,
	"facility_id" uuid,
	"encounter_id" uuid,
	"currency" text NOT NULL,
	"status" "finance"."invoice_status" DEFAULT 'draft' NOT NULL,
	"subtotal_minor" bigint DEFAULT 0 NOT NULL,
	"discount_minor" bigint DEFAULT 0 NOT NULL,
	"tax_minor" bigint DEFAULT 0 NOT NULL,
	"total_minor" bigint DEFAULT 0 NOT NULL,
	"credited_minor" bigint DEFAULT 0 NOT NULL,
	"paid_minor" bigint DEFAULT 0 NOT NULL,
	"paid_by_insurance_minor" bigint DEFAULT 0 NOT NULL,
	"insurance_share_minor" bigint DEFAULT 0 NOT NULL,
	"issued_at" timestamp with time zone,
	"due_date" date,
	"locked_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_number_unique" UNIQUE("number"),
	CONSTRAINT "invoice_currency_ck" CHECK ("finance"."invoice"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "invoice_amounts_ck" CHECK ("finance"."invoice"."subtotal_minor" >= 0 AND "finance"."invoice"."discount_minor" >= 0 AND "finance"."invoice"."tax_minor" >= 0 AND "finance"."invoice"."credited_minor" >= 0 AND "finance"."invoice"."paid_minor" >= 0
        AND "finance"."invoice"."paid_by_insurance_minor" >= 0 AND "finance"."invoice"."insurance_share_minor" >= 0),
	CONSTRAINT "invoice_total_ck" CHECK ("finance"."invoice"."total_minor" = "finance"."invoice"."subtotal_minor" - "finance"."invoice"."discount_minor" + "finance"."invoice"."tax_minor"),
	CONSTRAINT "invoice_balance_ck" CHECK ("finance"."invoice"."paid_minor" + "finance"."invoice"."credited_minor" <= "finance"."invoice"."total_minor"),
	CONSTRAINT "invoice_insurance_paid_ck" CHECK ("finance"."invoice"."paid_by_insurance_minor" <= "finance"."invoice"."paid_minor"),
	CONSTRAINT "invoice_void_ck" CHECK (("finance"."invoice"."status" = 'void') = ("finance"."invoice"."void_reason" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "finance"."invoice_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"charge_id" uuid,
	"position" integer NOT NULL,
	"service_type" "finance"."service_type" NOT NULL,
	"code" text NOT NULL,
	"description" text NOT NULL,
	"provider_id" uuid,
	"service_date" date NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"gross_minor" bigint NOT NULL,
	"discount_bp" integer DEFAULT 0 NOT NULL,
	"discount_reason" text,
	"discount_minor" bigint DEFAULT 0 NOT NULL,
	"tax_rate_bp" integer DEFAULT 0 NOT NULL,
	"tax_minor" bigint DEFAULT 0 NOT NULL,
	"total_minor" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_line_quantity_ck" CHECK ("finance"."invoice_line"."quantity" > 0 AND "finance"."invoice_line"."unit_price_minor" >= 0),
	CONSTRAINT "invoice_line_gross_ck" CHECK ("finance"."invoice_line"."gross_minor" = "finance"."invoice_line"."quantity" * "finance"."invoice_line"."unit_price_minor"),
	CONSTRAINT "invoice_line_discount_ck" CHECK ("finance"."invoice_line"."discount_bp" BETWEEN 0 AND 10000 AND ("finance"."invoice_line"."discount_bp" = 0 OR "finance"."invoice_line"."discount_reason" IS NOT NULL)),
	CONSTRAINT "invoice_line_tax_ck" CHECK ("finance"."invoice_line"."tax_rate_bp" BETWEEN 0 AND 10000),
	CONSTRAINT "invoice_line_total_ck" CHECK ("finance"."invoice_line"."total_minor" = "finance"."invoice_line"."gross_minor" - "finance"."invoice_line"."discount_minor" + "finance"."invoice_line"."tax_minor" AND "finance"."invoice_line"."total_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "finance"."billing_facility" (
	"facility_id" uuid PRIMARY KEY NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"currency" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_facility_currency_ck" CHECK ("finance"."billing_facility"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "finance"."charge" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"facility_id" uuid,
	"provider_id" uuid,
	"encounter_id" uuid,
	"source_type" "finance"."billable_source" NOT NULL,
	"source_id" text,
	"source_line" text DEFAULT '' NOT NULL,
	"source_event_id" bigint,
	"service_type" "finance"."service_type" NOT NULL,
	"price_list_entry_id" uuid,
	"code" text NOT NULL,
	"description" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"tax_rate_bp" integer DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"service_date" date NOT NULL,
	"unpriced" boolean DEFAULT false NOT NULL,
	"status" "finance"."billable_status" DEFAULT 'pending' NOT NULL,
	"invoice_id" uuid,
	"void_reason" text,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charge_quantity_ck" CHECK ("finance"."charge"."quantity" > 0),
	CONSTRAINT "charge_price_ck" CHECK ("finance"."charge"."unit_price_minor" >= 0),
	CONSTRAINT "charge_tax_ck" CHECK ("finance"."charge"."tax_rate_bp" BETWEEN 0 AND 10000),
	CONSTRAINT "charge_currency_ck" CHECK ("finance"."charge"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "charge_source_ck" CHECK (("finance"."charge"."source_type" = 'manual') = ("finance"."charge"."source_id" IS NULL)),
	CONSTRAINT "charge_void_ck" CHECK (("finance"."charge"."status" = 'void') = ("finance"."charge"."void_reason" IS NOT NULL)),
	CONSTRAINT "charge_invoiced_ck" CHECK (("finance"."charge"."status" = 'invoiced') = ("finance"."charge"."invoice_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "finance"."encounter_link" (
	"encounter_id" uuid PRIMARY KEY NOT NULL,
	"appointment_id" uuid,
	"patient_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "encounter_link_appointment_id_unique" UNIQUE("appointment_id")
);
--> statement-breakpoint
CREATE TABLE "finance"."provider_specialty" (
	"provider_id" uuid PRIMARY KEY NOT NULL,
	"specialty" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance"."claim" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text DEFAULT 'CLM-' || lpad(nextval('finance.claim_number_seq')::text, 6, '0') NOT NULL,
	"invoice_id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"payer" text NOT NULL,
	"currency" text NOT NULL,
	"status" "finance"."claim_status" DEFAULT 'draft' NOT NULL,
	"claimed_minor" bigint NOT NULL,
	"approved_minor" bigint,
	"paid_minor" bigint DEFAULT 0 NOT NULL,
	"denial_code" text,
	"denial_reason" text,
	"submission_id" uuid,
	"submitted_at" timestamp with time zone,
	"adjudicated_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claim_number_unique" UNIQUE("number"),
	CONSTRAINT "claim_amounts_ck" CHECK ("finance"."claim"."claimed_minor" >= 0 AND "finance"."claim"."paid_minor" >= 0 AND ("finance"."claim"."approved_minor" IS NULL OR "finance"."claim"."approved_minor" BETWEEN 0 AND "finance"."claim"."claimed_minor")),
	CONSTRAINT "claim_denied_ck" CHECK ("finance"."claim"."status" <> 'denied' OR "finance"."claim"."denial_reason" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "finance"."claim_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"invoice_line_id" uuid NOT NULL,
	"claimed_minor" bigint NOT NULL,
	"approved_minor" bigint,
	"denial_code" text,
	"denial_reason" text,
	CONSTRAINT "claim_line_amounts_ck" CHECK ("finance"."claim_line"."claimed_minor" >= 0 AND ("finance"."claim_line"."approved_minor" IS NULL OR "finance"."claim_line"."approved_minor" BETWEEN 0 AND "finance"."claim_line"."claimed_minor"))
);
--> statement-breakpoint
CREATE TABLE "finance"."claim_submission" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text DEFAULT 'SUB-' || lpad(nextval('finance.submission_number_seq')::text, 6, '0') NOT NULL,
	"file_name" text NOT NULL,
	"content" text NOT NULL,
	"claim_count" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claim_submission_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "finance"."insurance_policy" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"payer" text NOT NULL,
	"member_id" text NOT NULL,
	"group_number" text,
	"coverage_bp" integer,
	"copay_minor" bigint,
	"currency" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insurance_policy_terms_ck" CHECK (num_nonnulls("finance"."insurance_policy"."coverage_bp", "finance"."insurance_policy"."copay_minor") = 1),
	CONSTRAINT "insurance_policy_coverage_ck" CHECK ("finance"."insurance_policy"."coverage_bp" IS NULL OR "finance"."insurance_policy"."coverage_bp" BETWEEN 0 AND 10000),
	CONSTRAINT "insurance_policy_copay_ck" CHECK ("finance"."insurance_policy"."copay_minor" IS NULL OR "finance"."insurance_policy"."copay_minor" >= 0),
	CONSTRAINT "insurance_policy_dates_ck" CHECK ("finance"."insurance_policy"."valid_to" IS NULL OR "finance"."insurance_policy"."valid_to" >= "finance"."insurance_policy"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "finance"."credit_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"kind" "finance"."credit_entry_kind" NOT NULL,
	"amount_minor" bigint NOT NULL,
	"payment_id" uuid,
	"invoice_id" uuid,
	"credit_note_id" uuid,
	"refund_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_entry_amount_ck" CHECK ("finance"."credit_entry"."amount_minor" <> 0)
);
--> statement-breakpoint
CREATE TABLE "finance"."patient_credit" (
	"patient_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"balance_minor" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_credit_patient_id_currency_pk" PRIMARY KEY("patient_id","currency"),
	CONSTRAINT "patient_credit_balance_ck" CHECK ("finance"."patient_credit"."balance_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "finance"."payment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text DEFAULT 'RCPT-' || lpad(nextval('finance.receipt_number_seq')::text, 6, '0') NOT NULL,
	"patient_id" uuid NOT NULL,
	"invoice_id" uuid,
	"claim_id" uuid,
	"method" "finance"."payment_method" NOT NULL,
	"reference" text,
	"currency" text NOT NULL,
	"tendered_minor" bigint NOT NULL,
	"applied_minor" bigint NOT NULL,
	"credit_minor" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_number_unique" UNIQUE("number"),
	CONSTRAINT "payment_amounts_ck" CHECK ("finance"."payment"."tendered_minor" > 0 AND "finance"."payment"."applied_minor" >= 0 AND "finance"."payment"."credit_minor" >= 0),
	CONSTRAINT "payment_split_ck" CHECK ("finance"."payment"."tendered_minor" = "finance"."payment"."applied_minor" + "finance"."payment"."credit_minor"),
	CONSTRAINT "payment_deposit_ck" CHECK ("finance"."payment"."invoice_id" IS NOT NULL OR "finance"."payment"."applied_minor" = 0),
	CONSTRAINT "payment_credit_method_ck" CHECK ("finance"."payment"."method" <> 'credit' OR "finance"."payment"."credit_minor" = 0),
	CONSTRAINT "payment_currency_ck" CHECK ("finance"."payment"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "finance"."payment_intent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'succeeded' NOT NULL,
	"payment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_intent_amount_ck" CHECK ("finance"."payment_intent"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "finance"."refund" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text DEFAULT 'RF-' || lpad(nextval('finance.refund_number_seq')::text, 6, '0') NOT NULL,
	"patient_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"method" "finance"."payment_method" NOT NULL,
	"reference" text,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refund_number_unique" UNIQUE("number"),
	CONSTRAINT "refund_amount_ck" CHECK ("finance"."refund"."amount_minor" > 0)
);
--> statement-breakpoint
ALTER TABLE "finance"."price_list_entry" ADD COLUMN "service_type" "finance"."service_type" DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "finance"."price_list_entry" ADD COLUMN "provider_id" uuid;--> statement-breakpoint
ALTER TABLE "finance"."price_list_entry" ADD COLUMN "specialty" text;--> statement-breakpoint
ALTER TABLE "finance"."price_list_entry" ADD COLUMN "item_id" uuid;--> statement-breakpoint
ALTER TABLE "finance"."price_list_entry" ADD COLUMN "match_key" text GENERATED ALWAYS AS (CASE
        WHEN service_type = 'consultation' THEN COALESCE('provider:' || provider_id::text, 'specialty:' || lower(specialty), 'default')
        WHEN service_type = 'medicine' THEN 'item:' || item_id::text
        ELSE 'code:' || upper(code) END) STORED;--> statement-breakpoint
ALTER TABLE "finance"."price_list_entry" ADD COLUMN "tax_rate_bp" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "finance"."price_list_entry" ADD COLUMN "effective_to" date;--> statement-breakpoint
ALTER TABLE "finance"."price_list_entry" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "finance"."credit_note" ADD CONSTRAINT "credit_note_invoice_id_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "finance"."invoice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance"."credit_note_line" ADD CONSTRAINT "credit_note_line_credit_note_id_credit_note_id_fk" FOREIGN KEY ("credit_note_id") REFERENCES "finance"."credit_note"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance"."credit_note_line" ADD CONSTRAINT "credit_note_line_invoice_line_id_invoice_line_id_fk" FOREIGN KEY ("invoice_line_id") REFERENCES "finance"."invoice_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance"."invoice_line" ADD CONSTRAINT "invoice_line_invoice_id_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "finance"."invoice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance"."invoice_line" ADD CONSTRAINT "invoice_line_charge_id_charge_id_fk" FOREIGN KEY ("charge_id") REFERENCES "finance"."charge"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance"."charge" ADD CONSTRAINT "charge_price_list_entry_id_price_list_entry_id_fk" FOREIGN KEY ("price_list_entry_id") REFERENCES "finance"."price_list_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance"."claim" ADD CONSTRAINT "claim_invoice_id_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "finance"."invoice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance"."claim" ADD CONSTRAINT "claim_policy_id_insurance_policy_id_fk" FOREIGN KEY ("policy_id") REFERENCES "finance"."insurance_policy"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance"."claim" ADD CONSTRAINT "claim_submission_id_claim_submission_id_fk" FOREIGN KEY ("submission_id") REFERENCES "finance"."claim_submission"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance"."claim_line" ADD CONSTRAINT "claim_line_claim_id_claim_id_fk" FOREIGN KEY ("claim_id") REFERENCES "finance"."claim"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance"."claim_line" ADD CONSTRAINT "claim_line_invoice_line_id_invoice_line_id_fk" FOREIGN KEY ("invoice_line_id") REFERENCES "finance"."invoice_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance"."payment" ADD CONSTRAINT "payment_invoice_id_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "finance"."invoice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance"."payment_intent" ADD CONSTRAINT "payment_intent_invoice_id_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "finance"."invoice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance"."payment_intent" ADD CONSTRAINT "payment_intent_payment_id_payment_id_fk" FOREIGN KEY ("payment_id") REFERENCES "finance"."payment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_note_invoice_idx" ON "finance"."credit_note" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "credit_note_line_note_idx" ON "finance"."credit_note_line" USING btree ("credit_note_id");--> statement-breakpoint
CREATE INDEX "credit_note_line_invoice_line_idx" ON "finance"."credit_note_line" USING btree ("invoice_line_id");--> statement-breakpoint
CREATE INDEX "invoice_patient_idx" ON "finance"."invoice" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "invoice_status_idx" ON "finance"."invoice" USING btree ("status","issued_at");--> statement-breakpoint
CREATE INDEX "invoice_encounter_idx" ON "finance"."invoice" USING btree ("encounter_id");--> statement-breakpoint
CREATE INDEX "invoice_line_invoice_idx" ON "finance"."invoice_line" USING btree ("invoice_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "charge_source_uq" ON "finance"."charge" USING btree ("source_type","source_id","source_line");--> statement-breakpoint
CREATE INDEX "charge_patient_status_idx" ON "finance"."charge" USING btree ("patient_id","status");--> statement-breakpoint
CREATE INDEX "charge_encounter_idx" ON "finance"."charge" USING btree ("encounter_id");--> statement-breakpoint
CREATE INDEX "charge_invoice_idx" ON "finance"."charge" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "claim_invoice_idx" ON "finance"."claim" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "claim_status_idx" ON "finance"."claim" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "claim_line_invoice_line_uq" ON "finance"."claim_line" USING btree ("invoice_line_id");--> statement-breakpoint
CREATE INDEX "claim_line_claim_idx" ON "finance"."claim_line" USING btree ("claim_id");--> statement-breakpoint
CREATE UNIQUE INDEX "insurance_policy_member_uq" ON "finance"."insurance_policy" USING btree ("patient_id","payer","member_id");--> statement-breakpoint
CREATE INDEX "credit_entry_patient_idx" ON "finance"."credit_entry" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "payment_invoice_idx" ON "finance"."payment" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "payment_patient_idx" ON "finance"."payment" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_intent_key_uq" ON "finance"."payment_intent" USING btree ("patient_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "refund_patient_idx" ON "finance"."refund" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "price_list_entry_key_uq" ON "finance"."price_list_entry" USING btree ("facility_id","service_type","match_key","effective_from");--> statement-breakpoint
ALTER TABLE "finance"."price_list_entry" ADD CONSTRAINT "price_list_entry_amount_ck" CHECK ("finance"."price_list_entry"."amount_minor" >= 0);--> statement-breakpoint
ALTER TABLE "finance"."price_list_entry" ADD CONSTRAINT "price_list_entry_tax_ck" CHECK ("finance"."price_list_entry"."tax_rate_bp" BETWEEN 0 AND 10000);--> statement-breakpoint
ALTER TABLE "finance"."price_list_entry" ADD CONSTRAINT "price_list_entry_currency_ck" CHECK ("finance"."price_list_entry"."currency" ~ '^[A-Z]{3}$');--> statement-breakpoint
ALTER TABLE "finance"."price_list_entry" ADD CONSTRAINT "price_list_entry_dates_ck" CHECK ("finance"."price_list_entry"."effective_to" IS NULL OR "finance"."price_list_entry"."effective_to" > "finance"."price_list_entry"."effective_from");--> statement-breakpoint
ALTER TABLE "finance"."price_list_entry" ADD CONSTRAINT "price_list_entry_match_ck" CHECK (("finance"."price_list_entry"."item_id" IS NOT NULL) = ("finance"."price_list_entry"."service_type" = 'medicine')
        AND ("finance"."price_list_entry"."provider_id" IS NULL OR "finance"."price_list_entry"."service_type" = 'consultation')
        AND ("finance"."price_list_entry"."specialty" IS NULL OR "finance"."price_list_entry"."service_type" = 'consultation')
        AND NOT ("finance"."price_list_entry"."provider_id" IS NOT NULL AND "finance"."price_list_entry"."specialty" IS NOT NULL));