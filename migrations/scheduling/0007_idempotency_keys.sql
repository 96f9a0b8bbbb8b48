CREATE TABLE "scheduling"."idempotency_key" (
	"key" text NOT NULL,
	"caller_id" uuid NOT NULL,
	"operation" text NOT NULL,
	"fingerprint" text NOT NULL,
	"result_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_key_caller_id_key_pk" PRIMARY KEY("caller_id","key")
);
--> statement-breakpoint
CREATE INDEX "scheduling_idempotency_key_created_idx" ON "scheduling"."idempotency_key" USING btree ("created_at");