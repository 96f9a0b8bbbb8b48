-- Custom SQL migration: a row written for a merged patient record after care applied the merge (an event
-- already in flight, a screen still showing the old record) is stored under the survivor, following
-- merges of merges to the last record kept. care.patient_merge holds the merges care has applied.
CREATE FUNCTION "care"."follow_patient_merge"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.patient_id := COALESCE((
    WITH RECURSIVE chain(id, depth) AS (
      SELECT m.survivor_patient_id, 1 FROM "care"."patient_merge" m WHERE m.merged_patient_id = NEW.patient_id
      UNION ALL
      SELECT m.survivor_patient_id, c.depth + 1 FROM chain c JOIN "care"."patient_merge" m ON m.merged_patient_id = c.id
    )
    SELECT id FROM chain ORDER BY depth DESC LIMIT 1
  ), NEW.patient_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "encounter_follow_patient_merge" BEFORE INSERT ON "care"."encounter" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "care"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "vitals_follow_patient_merge" BEFORE INSERT ON "care"."vitals" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "care"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "note_follow_patient_merge" BEFORE INSERT ON "care"."note" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "care"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "diagnosis_follow_patient_merge" BEFORE INSERT ON "care"."diagnosis" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "care"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "lab_order_follow_patient_merge" BEFORE INSERT ON "care"."lab_order" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "care"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "radiology_order_follow_patient_merge" BEFORE INSERT ON "care"."radiology_order" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "care"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "prescription_follow_patient_merge" BEFORE INSERT ON "care"."prescription" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "care"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "renewal_request_follow_patient_merge" BEFORE INSERT ON "care"."renewal_request" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "care"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "certificate_follow_patient_merge" BEFORE INSERT ON "care"."certificate" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "care"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "dental_finding_follow_patient_merge" BEFORE INSERT ON "care"."dental_finding" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "care"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "dental_plan_item_follow_patient_merge" BEFORE INSERT ON "care"."dental_plan_item" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "care"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "referral_follow_patient_merge" BEFORE INSERT ON "care"."referral" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "care"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "document_follow_patient_merge" BEFORE INSERT ON "care"."document" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "care"."follow_patient_merge"();
