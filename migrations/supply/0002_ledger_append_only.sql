-- Custom SQL migration: the stock ledger is append-only for everyone, the table owner included.
-- A mistake is corrected by a new movement (an adjustment or a return), never by rewriting history.
CREATE FUNCTION "supply"."reject_ledger_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'supply.stock_movement is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "stock_movement_no_update_delete" BEFORE UPDATE OR DELETE ON "supply"."stock_movement" FOR EACH ROW EXECUTE FUNCTION "supply"."reject_ledger_change"();
--> statement-breakpoint
CREATE TRIGGER "stock_movement_no_truncate" BEFORE TRUNCATE ON "supply"."stock_movement" FOR EACH STATEMENT EXECUTE FUNCTION "supply"."reject_ledger_change"();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "supply"."stock_movement" FROM PUBLIC;
