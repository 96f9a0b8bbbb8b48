import type { Context } from '@clinigraph/kit';
import {
  type DiagnosisRow,
  diagnosesByPatient,
  type EncounterRow,
  encountersByPatient,
  itemsByPrescription,
  type LabOrderItemRow,
  type LabOrderRow,
  type LabResultRow,
  labItemsByOrder,
  labOrdersByPatient,
  labResultsByItem,
  type PrescriptionItemRow,
  type PrescriptionRow,
  prescriptionsByPatient,
  type VitalsRow,
  vitalsByPatient,
} from './loaders.ts';
import { patientVisible } from './reads.ts';

/** How many sets of measurements the record shows: the latest ones, enough to see a trend. */
const RECENT_VITALS = 5;

export interface ReleasedResult {
  order: LabOrderRow;
  item: LabOrderItemRow;
  result: LabResultRow;
}

export interface RecordContents {
  visits: EncounterRow[];
  diagnoses: DiagnosisRow[];
  vitals: VitalsRow[];
  medicines: { prescription: PrescriptionRow; item: PrescriptionItemRow }[];
  results: ReleasedResult[];
}

const isActive = (rx: PrescriptionRow, today: string) => (rx.status === 'finalised' || rx.status === 'partly_dispensed') && rx.validUntil >= today;

/**
 * What care holds of one patient's record, newest first, as the patient may see it: finalised, still
 * valid prescriptions, and lab results only once released to the patient (the results rule, whoever asks,
 * so the document is the same whether the patient or the clinic prints it). The caller has been authorised.
 */
export async function recordContents(ctx: Context, patientId: string): Promise<RecordContents> {
  const [visits, diagnoses, vitals, prescriptions, orders] = await Promise.all([
    encountersByPatient(ctx).load(patientId),
    diagnosesByPatient(ctx).load(patientId),
    vitalsByPatient(ctx).load(patientId),
    prescriptionsByPatient(ctx).load(patientId),
    labOrdersByPatient(ctx).load(patientId),
  ]);
  const today = new Date().toISOString().slice(0, 10);
  const active = (prescriptions ?? []).filter((rx) => isActive(rx, today));
  const medicines = (
    await Promise.all(active.map(async (rx) => ((await itemsByPrescription(ctx).load(rx.id)) ?? []).map((item) => ({ prescription: rx, item }))))
  ).flat();
  const released = (orders ?? []).filter(patientVisible.labOrder);
  const results = (
    await Promise.all(
      released.map(async (order) =>
        Promise.all(
          ((await labItemsByOrder(ctx).load(order.id)) ?? []).map(async (item) => {
            const result = ((await labResultsByItem(ctx).load(item.id)) ?? []).find((r) => r.version === item.currentVersion);
            return result ? [{ order, item, result }] : [];
          }),
        ),
      ),
    )
  ).flat(2);
  return { visits: visits ?? [], diagnoses: diagnoses ?? [], vitals: (vitals ?? []).slice(0, RECENT_VITALS), medicines, results };
}
