CREATE SCHEMA "people";
--> statement-breakpoint
CREATE TYPE "people"."account_status" AS ENUM('active', 'deactivated');--> statement-breakpoint
CREATE TYPE "people"."allergy_severity" AS ENUM('mild', 'moderate', 'severe', 'life_threatening');--> statement-breakpoint
CREATE TYPE "people"."blood_group" AS ENUM('A_POS', 'A_NEG', 'B_POS', 'B_NEG', 'AB_POS', 'AB_NEG', 'O_POS', 'O_NEG');--> statement-breakpoint
CREATE TYPE "people"."sex" AS ENUM('female', 'male', 'intersex', 'unknown');--> statement-breakpoint
CREATE SEQUENCE "people"."mrn_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100001 CACHE 1;--> statement-breakpoint
CREATE TABLE "people"."account" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"roles" text[] NOT NULL,
	"status" "people"."account_status" DEFAULT 'active' NOT NULL,
	"display_name" text NOT NULL,
	"patient_id" uuid,
	"provider_id" uuid,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people"."account_facility" (
	"account_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	CONSTRAINT "account_facility_account_id_facility_id_pk" PRIMARY KEY("account_id","facility_id")
);
--> statement-breakpoint
CREATE TABLE "people"."allergy" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"substance" text NOT NULL,
	"reaction" text,
	"severity" "people"."allergy_severity" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people"."department" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facility_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people"."emergency_contact" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relationship" text NOT NULL,
	"phone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people"."facility" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"timezone" text NOT NULL,
	"address" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "facility_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "people"."insurance_detail" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"payer" text NOT NULL,
	"member_id" text NOT NULL,
	"group_number" text,
	"valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people"."login_failure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email_key" text NOT NULL,
	"ip" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people"."password_reset" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "password_reset_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "people"."patient" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mrn" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" "people"."sex" NOT NULL,
	"phone" text,
	"email" text,
	"address" text,
	"blood_group" "people"."blood_group",
	"chronic_conditions" text[] DEFAULT '{}'::text[] NOT NULL,
	"registered_facility_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_mrn_unique" UNIQUE("mrn")
);
--> statement-breakpoint
CREATE TABLE "people"."provider" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"title" text,
	"specialty" text NOT NULL,
	"qualifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"license_number" text,
	"consultation_fee_minor" integer DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people"."provider_department" (
	"provider_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	CONSTRAINT "provider_department_provider_id_department_id_pk" PRIMARY KEY("provider_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "people"."provider_facility" (
	"provider_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	CONSTRAINT "provider_facility_provider_id_facility_id_pk" PRIMARY KEY("provider_id","facility_id")
);
--> statement-breakpoint
CREATE TABLE "people"."refresh_token" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	CONSTRAINT "refresh_token_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "people"."account" ADD CONSTRAINT "account_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "people"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."account" ADD CONSTRAINT "account_provider_id_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "people"."provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."account_facility" ADD CONSTRAINT "account_facility_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "people"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."account_facility" ADD CONSTRAINT "account_facility_facility_id_facility_id_fk" FOREIGN KEY ("facility_id") REFERENCES "people"."facility"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."allergy" ADD CONSTRAINT "allergy_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "people"."patient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."department" ADD CONSTRAINT "department_facility_id_facility_id_fk" FOREIGN KEY ("facility_id") REFERENCES "people"."facility"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."emergency_contact" ADD CONSTRAINT "emergency_contact_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "people"."patient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."insurance_detail" ADD CONSTRAINT "insurance_detail_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "people"."patient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."password_reset" ADD CONSTRAINT "password_reset_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "people"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."patient" ADD CONSTRAINT "patient_registered_facility_id_facility_id_fk" FOREIGN KEY ("registered_facility_id") REFERENCES "people"."facility"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."provider_department" ADD CONSTRAINT "provider_department_provider_id_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "people"."provider"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."provider_department" ADD CONSTRAINT "provider_department_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "people"."department"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."provider_facility" ADD CONSTRAINT "provider_facility_provider_id_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "people"."provider"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."provider_facility" ADD CONSTRAINT "provider_facility_facility_id_facility_id_fk" FOREIGN KEY ("facility_id") REFERENCES "people"."facility"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."refresh_token" ADD CONSTRAINT "refresh_token_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "people"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_email_uq" ON "people"."account" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "account_patient_uq" ON "people"."account" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "account_provider_uq" ON "people"."account" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "allergy_patient_idx" ON "people"."allergy" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "department_facility_name_uq" ON "people"."department" USING btree ("facility_id","name");--> statement-breakpoint
CREATE INDEX "emergency_contact_patient_idx" ON "people"."emergency_contact" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "insurance_detail_patient_idx" ON "people"."insurance_detail" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "login_failure_email_at_idx" ON "people"."login_failure" USING btree ("email_key","at");--> statement-breakpoint
CREATE INDEX "login_failure_ip_at_idx" ON "people"."login_failure" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "patient_family_given_idx" ON "people"."patient" USING btree (lower("family_name"),lower("given_name"),"id");--> statement-breakpoint
CREATE INDEX "patient_phone_idx" ON "people"."patient" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "refresh_token_family_idx" ON "people"."refresh_token" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "refresh_token_account_idx" ON "people"."refresh_token" USING btree ("account_id");