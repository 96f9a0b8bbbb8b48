-- Custom SQL migration: a patient merge may move the merged record's ledger rows and locked invoices to the
-- survivor, changing nothing else. finance.patient_merge holds the merges finance has applied (written in
-- the same transaction, before the re-pointing); any other change is refused as before.
CREATE FUNCTION finance.is_merge_repoint(old_row jsonb, new_row jsonb) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT (new_row - 'patient_id') = (old_row - 'patient_id')
    AND EXISTS (
      SELECT 1 FROM finance.patient_merge m
      WHERE m.merged_patient_id = (old_row ->> 'patient_id')::uuid AND m.survivor_patient_id = (new_row ->> 'patient_id')::uuid
    )
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION finance.reject_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND finance.is_merge_repoint(to_jsonb(OLD), to_jsonb(NEW)) THEN RETURN NEW; END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING CONSTRAINT = 'append_only';
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION finance.reject_locked_invoice_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.locked_at IS NOT NULL AND NOT finance.is_merge_repoint(to_jsonb(OLD), to_jsonb(NEW)) AND (
    NEW.locked_at IS DISTINCT FROM OLD.locked_at OR NEW.patient_id <> OLD.patient_id OR NEW.currency <> OLD.currency
    OR NEW.subtotal_minor <> OLD.subtotal_minor OR NEW.discount_minor <> OLD.discount_minor
    OR NEW.tax_minor <> OLD.tax_minor OR NEW.total_minor <> OLD.total_minor OR NEW.status = 'void'
  ) THEN
    RAISE EXCEPTION 'invoice % is locked: correct it with a credit note', OLD.id USING CONSTRAINT = 'invoice_locked';
  END IF;
  RETURN NEW;
END $$;
