import { type Context, isUuid, notFound } from '@clinigraph/kit';
import { assertChartRead, type ChartArea, isPatientCaller } from './access.ts';
import {
  certificateById,
  documentById,
  type EncounterRow,
  encounterById,
  type LabOrderRow,
  labOrderById,
  noteById,
  type PrescriptionRow,
  prescriptionById,
  type RadiologyOrderRow,
  radiologyOrderById,
  referralById,
  renewalRequestById,
} from './loaders.ts';

/** What a patient may see of their own records: nothing unfinished. */
export const patientVisible = {
  prescription: (r: PrescriptionRow) => r.status !== 'draft',
  /** Released, and past the results rule's hold for abnormal values the doctor has not seen yet (result-review.ts). */
  labOrder: (r: LabOrderRow) => r.status === 'released' && r.patientVisibleFrom !== null && r.patientVisibleFrom.getTime() <= Date.now(),
  radiologyOrder: (r: RadiologyOrderRow) => r.status === 'verified',
};

interface Loaded {
  id: string;
  patientId: string;
}

/**
 * Reads one record the caller may see, and records the read. Missing, another patient's, or not yet
 * visible to the patient: all the same NOT_FOUND.
 */
async function readOne<R extends Loaded>(
  ctx: Context,
  id: string,
  load: (ctx: Context) => { load(id: string): Promise<R | null> },
  area: ChartArea,
  entityType: string,
  label: string,
  visibleToPatient: (row: R) => boolean = () => true,
): Promise<R> {
  const row = isUuid(id) ? await load(ctx).load(id) : null;
  if (!row) throw notFound(label);
  assertChartRead(ctx, area, row.patientId, label);
  if (isPatientCaller(ctx) && !visibleToPatient(row)) throw notFound(label);
  ctx.audit.record({ action: 'read', entityType, entityId: row.id, patientId: row.patientId });
  return row;
}

export const readEncounter = (ctx: Context, id: string): Promise<EncounterRow> => readOne(ctx, id, encounterById, 'encounter', 'Encounter', 'Encounter');
export const readNote = (ctx: Context, id: string) => readOne(ctx, id, noteById, 'notes', 'Note', 'Note');
export const readPrescription = (ctx: Context, id: string) =>
  readOne(ctx, id, prescriptionById, 'prescriptions', 'Prescription', 'Prescription', patientVisible.prescription);
export const readLabOrder = (ctx: Context, id: string) => readOne(ctx, id, labOrderById, 'labs', 'LabOrder', 'Lab order', patientVisible.labOrder);
export const readRadiologyOrder = (ctx: Context, id: string) =>
  readOne(ctx, id, radiologyOrderById, 'radiology', 'RadiologyOrder', 'Radiology order', patientVisible.radiologyOrder);
export const readCertificate = (ctx: Context, id: string) => readOne(ctx, id, certificateById, 'certificates', 'Certificate', 'Certificate');
export const readReferral = (ctx: Context, id: string) => readOne(ctx, id, referralById, 'referrals', 'Referral', 'Referral');
export const readDocument = (ctx: Context, id: string) => readOne(ctx, id, documentById, 'documents', 'Document', 'Document');
export const readRenewalRequest = (ctx: Context, id: string) => readOne(ctx, id, renewalRequestById, 'prescriptions', 'RenewalRequest', 'Renewal request');

/**
 * A list belonging to one patient (a Patient or Encounter field): checks access once, filters what a
 * patient may not see yet, and records one read.
 */
export function readList<R>(ctx: Context, area: ChartArea, patientId: string, entityType: string, rows: R[], visibleToPatient?: (row: R) => boolean): R[] {
  assertChartRead(ctx, area, patientId, entityType);
  const visible = isPatientCaller(ctx) && visibleToPatient ? rows.filter(visibleToPatient) : rows;
  ctx.audit.record({ action: 'read', entityType, patientId, detail: { count: visible.length } });
  return visible;
}
