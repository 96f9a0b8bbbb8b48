-- Once an invoice has any payment it is locked: its lines and billed amounts never change again.
-- The services check first and answer INVALID_STATE; these triggers hold the rule on every write path.
CREATE FUNCTION finance.reject_locked_invoice_line() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.invoice_id ELSE NEW.invoice_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM finance.invoice WHERE id = target AND locked_at IS NOT NULL) THEN
    RAISE EXCEPTION 'invoice % is locked: correct it with a credit note', target USING CONSTRAINT = 'invoice_locked';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER invoice_line_locked BEFORE INSERT OR UPDATE OR DELETE ON finance.invoice_line
  FOR EACH ROW EXECUTE FUNCTION finance.reject_locked_invoice_line();
--> statement-breakpoint
CREATE FUNCTION finance.reject_locked_invoice_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.locked_at IS NOT NULL AND (
    NEW.locked_at IS DISTINCT FROM OLD.locked_at OR NEW.patient_id <> OLD.patient_id OR NEW.currency <> OLD.currency
    OR NEW.subtotal_minor <> OLD.subtotal_minor OR NEW.discount_minor <> OLD.discount_minor
    OR NEW.tax_minor <> OLD.tax_minor OR NEW.total_minor <> OLD.total_minor OR NEW.status = 'void'
  ) THEN
    RAISE EXCEPTION 'invoice % is locked: correct it with a credit note', OLD.id USING CONSTRAINT = 'invoice_locked';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER invoice_locked BEFORE UPDATE ON finance.invoice
  FOR EACH ROW EXECUTE FUNCTION finance.reject_locked_invoice_change();
--> statement-breakpoint
CREATE FUNCTION finance.reject_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING CONSTRAINT = 'append_only';
END $$;
--> statement-breakpoint
CREATE TRIGGER payment_append_only BEFORE UPDATE OR DELETE ON finance.payment
  FOR EACH ROW EXECUTE FUNCTION finance.reject_ledger_change();
--> statement-breakpoint
CREATE TRIGGER credit_entry_append_only BEFORE UPDATE OR DELETE ON finance.credit_entry
  FOR EACH ROW EXECUTE FUNCTION finance.reject_ledger_change();
--> statement-breakpoint
CREATE TRIGGER refund_append_only BEFORE UPDATE OR DELETE ON finance.refund
  FOR EACH ROW EXECUTE FUNCTION finance.reject_ledger_change();
--> statement-breakpoint
CREATE TRIGGER credit_note_append_only BEFORE UPDATE OR DELETE ON finance.credit_note
  FOR EACH ROW EXECUTE FUNCTION finance.reject_ledger_change();
