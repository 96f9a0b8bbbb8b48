-- Facilities created before people announced them on the event log get their facility.changed event now,
-- so other subgraphs' copies (supply's facility zones) start complete. Takes kit emitEvent's ordering
-- lock (events.ts EVENT_ORDER_LOCK) so the ids commit in order for the log's readers.
SELECT pg_advisory_xact_lock(7310000001);
--> statement-breakpoint
INSERT INTO events.log (topic, entity_type, entity_id, facility_id, payload)
SELECT 'facility.changed', 'Facility', f.id::text, f.id, jsonb_build_object('timezone', f.timezone)
FROM people.facility f
ORDER BY f.created_at, f.id;
