-- Custom SQL migration: the stock ledger stays append-only, with one exception: a patient merge may re-point
-- a movement from the merged record to the survivor, and change nothing else. supply.patient_merge holds
-- the merges supply has applied (written in the same transaction, before the re-pointing).
CREATE OR REPLACE FUNCTION "supply"."reject_ledger_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
    AND (to_jsonb(NEW) - 'patient_id') = (to_jsonb(OLD) - 'patient_id')
    AND EXISTS (SELECT 1 FROM "supply"."patient_merge" m WHERE m."merged_patient_id" = OLD."patient_id" AND m."survivor_patient_id" = NEW."patient_id")
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'supply.stock_movement is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
