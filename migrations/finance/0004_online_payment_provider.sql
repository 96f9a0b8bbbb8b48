ALTER TABLE "finance"."payment_intent" ALTER COLUMN "status" SET DEFAULT 'pending';--> statement-breakpoint
ALTER TABLE "finance"."payment_intent" ADD COLUMN "provider" text DEFAULT 'test' NOT NULL;--> statement-breakpoint
ALTER TABLE "finance"."payment_intent" ADD COLUMN "provider_ref" text;--> statement-breakpoint
ALTER TABLE "finance"."payment_intent" ADD COLUMN "decline_code" text;--> statement-breakpoint
ALTER TABLE "finance"."payment_intent" ADD COLUMN "card_last4" text;--> statement-breakpoint
ALTER TABLE "finance"."payment_intent" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_intent_payment_uq" ON "finance"."payment_intent" USING btree ("payment_id");--> statement-breakpoint
ALTER TABLE "finance"."payment_intent" ADD CONSTRAINT "payment_intent_status_ck" CHECK ("finance"."payment_intent"."status" in ('pending', 'processing', 'succeeded', 'declined'));--> statement-breakpoint
ALTER TABLE "finance"."payment_intent" ADD CONSTRAINT "payment_intent_paid_ck" CHECK (("finance"."payment_intent"."status" = 'succeeded') = ("finance"."payment_intent"."payment_id" IS NOT NULL));