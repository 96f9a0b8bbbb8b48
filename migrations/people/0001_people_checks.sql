CREATE INDEX "password_reset_account_idx" ON "people"."password_reset" USING btree ("account_id","created_at");--> statement-breakpoint
ALTER TABLE "people"."account" ADD CONSTRAINT "account_roles_nonempty" CHECK (cardinality("people"."account"."roles") > 0);--> statement-breakpoint
ALTER TABLE "people"."provider" ADD CONSTRAINT "provider_fee_nonnegative" CHECK ("people"."provider"."consultation_fee_minor" >= 0);--> statement-breakpoint
ALTER TABLE "people"."provider" ADD CONSTRAINT "provider_currency_iso" CHECK ("people"."provider"."currency" ~ '^[A-Z]{3}$');