-- Custom SQL migration: a row written for a merged patient record after scheduling applied the merge (an event
-- already in flight, a screen still showing the old record) is stored under the survivor, following
-- merges of merges to the last record kept. scheduling.patient_merge holds the merges scheduling has applied.
CREATE FUNCTION "scheduling"."follow_patient_merge"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.patient_id := COALESCE((
    WITH RECURSIVE chain(id, depth) AS (
      SELECT m.survivor_patient_id, 1 FROM "scheduling"."patient_merge" m WHERE m.merged_patient_id = NEW.patient_id
      UNION ALL
      SELECT m.survivor_patient_id, c.depth + 1 FROM chain c JOIN "scheduling"."patient_merge" m ON m.merged_patient_id = c.id
    )
    SELECT id FROM chain ORDER BY depth DESC LIMIT 1
  ), NEW.patient_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "appointment_series_follow_patient_merge" BEFORE INSERT ON "scheduling"."appointment_series" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "scheduling"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "appointment_follow_patient_merge" BEFORE INSERT ON "scheduling"."appointment" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "scheduling"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "waitlist_entry_follow_patient_merge" BEFORE INSERT ON "scheduling"."waitlist_entry" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "scheduling"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "notification_follow_patient_merge" BEFORE INSERT ON "scheduling"."notification" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "scheduling"."follow_patient_merge"();
