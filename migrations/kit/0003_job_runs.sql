CREATE SCHEMA "jobs";
--> statement-breakpoint
CREATE TABLE "jobs"."run" (
	"job" text NOT NULL,
	"scope" text NOT NULL,
	"period" text NOT NULL,
	"claimed_by" text NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "run_job_scope_period_pk" PRIMARY KEY("job","scope","period")
);
--> statement-breakpoint
CREATE INDEX "run_claimed_at_idx" ON "jobs"."run" USING btree ("claimed_at");