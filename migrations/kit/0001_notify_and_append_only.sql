-- Custom SQL migration: what drizzle-kit cannot express.
-- 1. Every committed event row is announced on the `clinigraph_events` channel (NOTIFY fires on commit only).
CREATE FUNCTION "events"."notify_log"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('clinigraph_events', json_build_object('id', NEW.id::text, 'topic', NEW.topic)::text);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "log_notify" AFTER INSERT ON "events"."log" FOR EACH ROW EXECUTE FUNCTION "events"."notify_log"();
--> statement-breakpoint
-- 2. The audit trail is append-only for everyone, the table owner included.
CREATE FUNCTION "audit"."reject_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit.event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "event_no_update_delete" BEFORE UPDATE OR DELETE ON "audit"."event" FOR EACH ROW EXECUTE FUNCTION "audit"."reject_change"();
--> statement-breakpoint
CREATE TRIGGER "event_no_truncate" BEFORE TRUNCATE ON "audit"."event" FOR EACH STATEMENT EXECUTE FUNCTION "audit"."reject_change"();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "audit"."event" FROM PUBLIC;
