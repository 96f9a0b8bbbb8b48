-- Custom SQL migration: a row written for a merged patient record after finance applied the merge (an event
-- already in flight, a screen still showing the old record) is stored under the survivor, following
-- merges of merges to the last record kept. finance.patient_merge holds the merges finance has applied.
CREATE FUNCTION "finance"."follow_patient_merge"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.patient_id := COALESCE((
    WITH RECURSIVE chain(id, depth) AS (
      SELECT m.survivor_patient_id, 1 FROM "finance"."patient_merge" m WHERE m.merged_patient_id = NEW.patient_id
      UNION ALL
      SELECT m.survivor_patient_id, c.depth + 1 FROM chain c JOIN "finance"."patient_merge" m ON m.merged_patient_id = c.id
    )
    SELECT id FROM chain ORDER BY depth DESC LIMIT 1
  ), NEW.patient_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "charge_follow_patient_merge" BEFORE INSERT ON "finance"."charge" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "finance"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "encounter_link_follow_patient_merge" BEFORE INSERT ON "finance"."encounter_link" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "finance"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "invoice_follow_patient_merge" BEFORE INSERT ON "finance"."invoice" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "finance"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "credit_note_follow_patient_merge" BEFORE INSERT ON "finance"."credit_note" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "finance"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "insurance_policy_follow_patient_merge" BEFORE INSERT ON "finance"."insurance_policy" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "finance"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "claim_follow_patient_merge" BEFORE INSERT ON "finance"."claim" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "finance"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "payment_follow_patient_merge" BEFORE INSERT ON "finance"."payment" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "finance"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "payment_intent_follow_patient_merge" BEFORE INSERT ON "finance"."payment_intent" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "finance"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "patient_credit_follow_patient_merge" BEFORE INSERT ON "finance"."patient_credit" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "finance"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "credit_entry_follow_patient_merge" BEFORE INSERT ON "finance"."credit_entry" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "finance"."follow_patient_merge"();
--> statement-breakpoint
CREATE TRIGGER "refund_follow_patient_merge" BEFORE INSERT ON "finance"."refund" FOR EACH ROW WHEN (NEW.patient_id IS NOT NULL) EXECUTE FUNCTION "finance"."follow_patient_merge"();
