-- Custom SQL migration: event ids come from events.next_event_id() now (0006, 0007); the bigserial's sequence is unused.
DROP SEQUENCE IF EXISTS "events"."log_id_seq";
