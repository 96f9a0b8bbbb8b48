import { type PatientColumn, patientMergeConsumer, repointPatientRows } from '@clinigraph/kit';
import {
  certificate,
  dentalFinding,
  dentalPlanItem,
  diagnosis,
  document,
  encounter,
  labOrder,
  note,
  patientMerge,
  prescription,
  radiologyOrder,
  referral,
  renewalRequest,
  vitals,
} from '../db/schema.ts';

/** Every care table holding a patient id; their child rows (items, versions, results) follow through their parents. */
const patientColumns: Record<string, PatientColumn> = {
  encounter: { table: encounter, patientId: encounter.patientId },
  vitals: { table: vitals, patientId: vitals.patientId },
  note: { table: note, patientId: note.patientId },
  diagnosis: { table: diagnosis, patientId: diagnosis.patientId },
  labOrder: { table: labOrder, patientId: labOrder.patientId },
  radiologyOrder: { table: radiologyOrder, patientId: radiologyOrder.patientId },
  prescription: { table: prescription, patientId: prescription.patientId },
  renewalRequest: { table: renewalRequest, patientId: renewalRequest.patientId },
  certificate: { table: certificate, patientId: certificate.patientId },
  dentalFinding: { table: dentalFinding, patientId: dentalFinding.patientId },
  dentalPlanItem: { table: dentalPlanItem, patientId: dentalPlanItem.patientId },
  referral: { table: referral, patientId: referral.patientId },
  document: { table: document, patientId: document.patientId },
};

/** On `patient.merged`, the merged record's clinical record becomes the survivor's. */
export const carePatientMerge = patientMergeConsumer('care', patientMerge, (tx, merge) => repointPatientRows(tx, patientColumns, merge));
