ALTER TABLE "events"."log" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "events"."log" ALTER COLUMN "id" SET DEFAULT events.next_event_id();