-- Custom SQL migration: the clinical record's history is append-only for everyone, the table owner included.
-- Note versions, lab result versions and radiology report versions are never changed or removed: a correction adds a version.
CREATE FUNCTION "care"."reject_history_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'care.% keeps every version: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "note_version_no_update_delete" BEFORE UPDATE OR DELETE ON "care"."note_version" FOR EACH ROW EXECUTE FUNCTION "care"."reject_history_change"();
--> statement-breakpoint
CREATE TRIGGER "note_version_no_truncate" BEFORE TRUNCATE ON "care"."note_version" FOR EACH STATEMENT EXECUTE FUNCTION "care"."reject_history_change"();
--> statement-breakpoint
CREATE TRIGGER "lab_result_no_update_delete" BEFORE UPDATE OR DELETE ON "care"."lab_result" FOR EACH ROW EXECUTE FUNCTION "care"."reject_history_change"();
--> statement-breakpoint
CREATE TRIGGER "lab_result_no_truncate" BEFORE TRUNCATE ON "care"."lab_result" FOR EACH STATEMENT EXECUTE FUNCTION "care"."reject_history_change"();
--> statement-breakpoint
CREATE TRIGGER "radiology_report_no_update_delete" BEFORE UPDATE OR DELETE ON "care"."radiology_report" FOR EACH ROW EXECUTE FUNCTION "care"."reject_history_change"();
--> statement-breakpoint
CREATE TRIGGER "radiology_report_no_truncate" BEFORE TRUNCATE ON "care"."radiology_report" FOR EACH STATEMENT EXECUTE FUNCTION "care"."reject_history_change"();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "care"."note_version", "care"."lab_result", "care"."radiology_report" FROM PUBLIC;
