CREATE TABLE "people"."mfa_challenge" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mfa_challenge_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "people"."mfa_factor" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"secret_encrypted" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"last_step" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people"."mfa_policy" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"required_roles" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mfa_policy_single_row" CHECK ("people"."mfa_policy"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "people"."mfa_recovery_code" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people"."mfa_verified_session" (
	"family_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "people"."mfa_challenge" ADD CONSTRAINT "mfa_challenge_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "people"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."mfa_factor" ADD CONSTRAINT "mfa_factor_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "people"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."mfa_recovery_code" ADD CONSTRAINT "mfa_recovery_code_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "people"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people"."mfa_verified_session" ADD CONSTRAINT "mfa_verified_session_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "people"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mfa_challenge_account_idx" ON "people"."mfa_challenge" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "mfa_recovery_code_account_idx" ON "people"."mfa_recovery_code" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "mfa_verified_session_account_idx" ON "people"."mfa_verified_session" USING btree ("account_id");