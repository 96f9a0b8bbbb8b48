import { patientMergeConsumer, repointPatientRows } from '@clinigraph/kit';
import { patientMerge, stockMovement } from '../db/schema.ts';

/**
 * On `patient.merged`, stock given to the merged record counts as given to the survivor. The ledger is
 * append-only; its trigger lets through exactly this re-pointing (migration 0005_ledger_patient_merge).
 */
export const supplyPatientMerge = patientMergeConsumer('supply', patientMerge, (tx, merge) =>
  repointPatientRows(tx, { stockMovement: { table: stockMovement, patientId: stockMovement.patientId } }, merge),
);
