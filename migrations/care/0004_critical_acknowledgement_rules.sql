-- Custom SQL migration: only a critical result can be acknowledged, and an acknowledgement (who, when) is never changed or removed.
CREATE FUNCTION "care"."acknowledge_critical_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "care"."lab_result" r WHERE r."id" = NEW."lab_result_id" AND r."flag" IN ('critical_low', 'critical_high')) THEN
    RAISE EXCEPTION 'only a critical lab result can be acknowledged' USING ERRCODE = 'check_violation', CONSTRAINT = 'critical_result_acknowledgement_is_critical';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "critical_result_acknowledgement_is_critical" BEFORE INSERT ON "care"."critical_result_acknowledgement" FOR EACH ROW EXECUTE FUNCTION "care"."acknowledge_critical_only"();
--> statement-breakpoint
CREATE FUNCTION "care"."reject_acknowledgement_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'care.% is a record of who saw a critical result: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "critical_result_acknowledgement_no_update_delete" BEFORE UPDATE OR DELETE ON "care"."critical_result_acknowledgement" FOR EACH ROW EXECUTE FUNCTION "care"."reject_acknowledgement_change"();
--> statement-breakpoint
CREATE TRIGGER "critical_result_acknowledgement_no_truncate" BEFORE TRUNCATE ON "care"."critical_result_acknowledgement" FOR EACH STATEMENT EXECUTE FUNCTION "care"."reject_acknowledgement_change"();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "care"."critical_result_acknowledgement" FROM PUBLIC;
