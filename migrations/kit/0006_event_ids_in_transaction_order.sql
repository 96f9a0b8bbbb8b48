-- Custom SQL migration: event ids in transaction order, so writers no longer serialise on one lock.
-- An event's id is its writing transaction's id (xid8) shifted left by 20 bits, plus its place within that
-- transaction (1, 2, …). Every transaction that can still write an event has an xid8 at or above the oldest
-- one running, so every id below `read_horizon()` is final: readers stop there and never skip a late commit.
-- The place within the transaction is counted in a transaction-local setting (set_config(…, true)), which
-- ends with the transaction and rolls back with a savepoint, so the ids of one transaction stay unique.
CREATE FUNCTION "events"."next_event_id"() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  n integer := coalesce(nullif(current_setting('events.tx_event_count', true), '')::integer, 0) + 1;
BEGIN
  IF n >= 1048576 THEN
    RAISE EXCEPTION 'one transaction may append at most 1048575 events';
  END IF;
  PERFORM set_config('events.tx_event_count', n::text, true);
  RETURN (pg_current_xact_id()::text::bigint << 20) + n;
END $$;
--> statement-breakpoint
-- Every event id below this value is final: no running or future transaction can still append one.
CREATE FUNCTION "events"."read_horizon"() RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 20
$$;
--> statement-breakpoint
-- The ids written so far came from a sequence; every new id must sort after them.
DO $$
BEGIN
  IF (SELECT coalesce(max(id), 0) FROM "events"."log") >= (pg_current_xact_id()::text::bigint << 20) THEN
    RAISE EXCEPTION 'events.log holds ids above the first transaction-ordered id';
  END IF;
END $$;
