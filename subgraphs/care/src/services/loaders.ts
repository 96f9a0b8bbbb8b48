import { byKey, type Context, defineLoader, groupByKey } from '@clinigraph/kit';
import { and, asc, desc, inArray } from 'drizzle-orm';
import {
  certificate,
  dentalFinding,
  dentalPlanItem,
  diagnosis,
  document,
  encounter,
  labOrder,
  labOrderItem,
  labResult,
  note,
  noteVersion,
  prescription,
  prescriptionItem,
  radiologyOrder,
  radiologyReport,
  referral,
  renewalRequest,
  safetyAcknowledgement,
  vitals,
} from '../db/schema.ts';
import { chartVisible, encounterFacility, prescriptionFacility } from './scope.ts';

export type EncounterRow = typeof encounter.$inferSelect;
export type VitalsRow = typeof vitals.$inferSelect;
export type NoteRow = typeof note.$inferSelect;
export type NoteVersionRow = typeof noteVersion.$inferSelect;
export type DiagnosisRow = typeof diagnosis.$inferSelect;
export type PrescriptionRow = typeof prescription.$inferSelect;
export type PrescriptionItemRow = typeof prescriptionItem.$inferSelect;
export type RenewalRequestRow = typeof renewalRequest.$inferSelect;
export type SafetyAcknowledgementRow = typeof safetyAcknowledgement.$inferSelect;
export type LabOrderRow = typeof labOrder.$inferSelect;
export type LabOrderItemRow = typeof labOrderItem.$inferSelect;
export type LabResultRow = typeof labResult.$inferSelect;
export type RadiologyOrderRow = typeof radiologyOrder.$inferSelect;
export type RadiologyReportRow = typeof radiologyReport.$inferSelect;
export type CertificateRow = typeof certificate.$inferSelect;
export type DentalFindingRow = typeof dentalFinding.$inferSelect;
export type DentalPlanItemRow = typeof dentalPlanItem.$inferSelect;
export type ReferralRow = typeof referral.$inferSelect;
export type DocumentRow = typeof document.$inferSelect;

/** One query per batch for rows by primary key. Callers check ids are UUIDs first. */
const rowsById = <R extends { id: string }>(fetch: (ctx: Context, ids: string[]) => Promise<R[]>) =>
  defineLoader<Context, string, R>(async (ctx, ids) => byKey(ids, await fetch(ctx, [...ids]), (r) => r.id));

/** One query per batch for the rows belonging to each key. */
const rowsGrouped = <R>(fetch: (ctx: Context, ids: string[]) => Promise<R[]>, keyOf: (row: R) => string) =>
  defineLoader<Context, string, R[]>(async (ctx, ids) => groupByKey(ids, await fetch(ctx, [...ids]), keyOf));

export const encounterById = rowsById((ctx, ids) =>
  ctx.db
    .select()
    .from(encounter)
    .where(and(inArray(encounter.id, ids), chartVisible(ctx.identity, encounter.facilityId, encounter.patientId))),
);
export const encountersByPatient = rowsGrouped(
  (ctx, ids) =>
    ctx.db
      .select()
      .from(encounter)
      .where(and(inArray(encounter.patientId, ids), chartVisible(ctx.identity, encounter.facilityId, encounter.patientId)))
      .orderBy(desc(encounter.openedAt)),
  (r) => r.patientId,
);

export const vitalsByEncounter = rowsGrouped(
  (ctx, ids) => ctx.db.select().from(vitals).where(inArray(vitals.encounterId, ids)).orderBy(asc(vitals.recordedAt)),
  (r) => r.encounterId,
);

export const vitalsByPatient = rowsGrouped(
  (ctx, ids) =>
    ctx.db
      .select()
      .from(vitals)
      .where(and(inArray(vitals.patientId, ids), chartVisible(ctx.identity, encounterFacility(vitals.encounterId), vitals.patientId)))
      .orderBy(desc(vitals.recordedAt)),
  (r) => r.patientId,
);

export const noteById = rowsById((ctx, ids) =>
  ctx.db
    .select()
    .from(note)
    .where(and(inArray(note.id, ids), chartVisible(ctx.identity, encounterFacility(note.encounterId), note.patientId))),
);
export const notesByEncounter = rowsGrouped(
  (ctx, ids) => ctx.db.select().from(note).where(inArray(note.encounterId, ids)).orderBy(asc(note.createdAt)),
  (r) => r.encounterId,
);
export const versionsByNote = rowsGrouped(
  (ctx, ids) => ctx.db.select().from(noteVersion).where(inArray(noteVersion.noteId, ids)).orderBy(asc(noteVersion.version)),
  (r) => r.noteId,
);

export const diagnosesByEncounter = rowsGrouped(
  (ctx, ids) => ctx.db.select().from(diagnosis).where(inArray(diagnosis.encounterId, ids)).orderBy(asc(diagnosis.kind), asc(diagnosis.recordedAt)),
  (r) => r.encounterId,
);

export const diagnosesByPatient = rowsGrouped(
  (ctx, ids) =>
    ctx.db
      .select()
      .from(diagnosis)
      .where(and(inArray(diagnosis.patientId, ids), chartVisible(ctx.identity, encounterFacility(diagnosis.encounterId), diagnosis.patientId)))
      .orderBy(desc(diagnosis.recordedAt)),
  (r) => r.patientId,
);

export const prescriptionById = rowsById((ctx, ids) =>
  ctx.db
    .select()
    .from(prescription)
    .where(and(inArray(prescription.id, ids), chartVisible(ctx.identity, prescription.facilityId, prescription.patientId))),
);
export const prescriptionsByEncounter = rowsGrouped(
  (ctx, ids) => ctx.db.select().from(prescription).where(inArray(prescription.encounterId, ids)).orderBy(asc(prescription.createdAt)),
  (r) => r.encounterId,
);
export const prescriptionsByPatient = rowsGrouped(
  (ctx, ids) =>
    ctx.db
      .select()
      .from(prescription)
      .where(and(inArray(prescription.patientId, ids), chartVisible(ctx.identity, prescription.facilityId, prescription.patientId)))
      .orderBy(desc(prescription.createdAt)),
  (r) => r.patientId,
);
export const itemsByPrescription = rowsGrouped(
  (ctx, ids) => ctx.db.select().from(prescriptionItem).where(inArray(prescriptionItem.prescriptionId, ids)).orderBy(asc(prescriptionItem.position)),
  (r) => r.prescriptionId,
);
export const acknowledgementsByPrescription = rowsGrouped(
  (ctx, ids) =>
    ctx.db.select().from(safetyAcknowledgement).where(inArray(safetyAcknowledgement.prescriptionId, ids)).orderBy(asc(safetyAcknowledgement.acknowledgedAt)),
  (r) => r.prescriptionId,
);
export const renewalRequestById = rowsById((ctx, ids) =>
  ctx.db
    .select()
    .from(renewalRequest)
    .where(and(inArray(renewalRequest.id, ids), chartVisible(ctx.identity, prescriptionFacility(renewalRequest.prescriptionId), renewalRequest.patientId))),
);
export const renewalRequestsByPrescription = rowsGrouped(
  (ctx, ids) => ctx.db.select().from(renewalRequest).where(inArray(renewalRequest.prescriptionId, ids)).orderBy(desc(renewalRequest.requestedAt)),
  (r) => r.prescriptionId,
);

export const labOrderById = rowsById((ctx, ids) =>
  ctx.db
    .select()
    .from(labOrder)
    .where(and(inArray(labOrder.id, ids), chartVisible(ctx.identity, labOrder.facilityId, labOrder.patientId))),
);
export const labOrdersByEncounter = rowsGrouped(
  (ctx, ids) => ctx.db.select().from(labOrder).where(inArray(labOrder.encounterId, ids)).orderBy(asc(labOrder.orderedAt)),
  (r) => r.encounterId,
);
export const labOrdersByPatient = rowsGrouped(
  (ctx, ids) =>
    ctx.db
      .select()
      .from(labOrder)
      .where(and(inArray(labOrder.patientId, ids), chartVisible(ctx.identity, labOrder.facilityId, labOrder.patientId)))
      .orderBy(desc(labOrder.orderedAt)),
  (r) => r.patientId,
);
export const labItemsByOrder = rowsGrouped(
  (ctx, ids) => ctx.db.select().from(labOrderItem).where(inArray(labOrderItem.orderId, ids)).orderBy(asc(labOrderItem.testCode)),
  (r) => r.orderId,
);
export const labResultsByItem = rowsGrouped(
  (ctx, ids) => ctx.db.select().from(labResult).where(inArray(labResult.orderItemId, ids)).orderBy(asc(labResult.version)),
  (r) => r.orderItemId,
);

export const radiologyOrderById = rowsById((ctx, ids) =>
  ctx.db
    .select()
    .from(radiologyOrder)
    .where(and(inArray(radiologyOrder.id, ids), chartVisible(ctx.identity, encounterFacility(radiologyOrder.encounterId), radiologyOrder.patientId))),
);
export const radiologyOrdersByEncounter = rowsGrouped(
  (ctx, ids) => ctx.db.select().from(radiologyOrder).where(inArray(radiologyOrder.encounterId, ids)).orderBy(asc(radiologyOrder.orderedAt)),
  (r) => r.encounterId,
);
export const radiologyOrdersByPatient = rowsGrouped(
  (ctx, ids) =>
    ctx.db
      .select()
      .from(radiologyOrder)
      .where(and(inArray(radiologyOrder.patientId, ids), chartVisible(ctx.identity, encounterFacility(radiologyOrder.encounterId), radiologyOrder.patientId)))
      .orderBy(desc(radiologyOrder.orderedAt)),
  (r) => r.patientId,
);
export const reportsByRadiologyOrder = rowsGrouped(
  (ctx, ids) => ctx.db.select().from(radiologyReport).where(inArray(radiologyReport.orderId, ids)).orderBy(asc(radiologyReport.version)),
  (r) => r.orderId,
);

export const certificateById = rowsById((ctx, ids) =>
  ctx.db
    .select()
    .from(certificate)
    .where(and(inArray(certificate.id, ids), chartVisible(ctx.identity, certificate.facilityId, certificate.patientId, true))),
);
export const certificatesByPatient = rowsGrouped(
  (ctx, ids) =>
    ctx.db
      .select()
      .from(certificate)
      .where(and(inArray(certificate.patientId, ids), chartVisible(ctx.identity, certificate.facilityId, certificate.patientId, true)))
      .orderBy(desc(certificate.requestedAt)),
  (r) => r.patientId,
);

export const dentalFindingsByPatient = rowsGrouped(
  (ctx, ids) =>
    ctx.db
      .select()
      .from(dentalFinding)
      .where(and(inArray(dentalFinding.patientId, ids), chartVisible(ctx.identity, encounterFacility(dentalFinding.encounterId), dentalFinding.patientId)))
      .orderBy(asc(dentalFinding.tooth), asc(dentalFinding.recordedAt)),
  (r) => r.patientId,
);
export const dentalPlanByPatient = rowsGrouped(
  (ctx, ids) =>
    ctx.db
      .select()
      .from(dentalPlanItem)
      .where(and(inArray(dentalPlanItem.patientId, ids), chartVisible(ctx.identity, encounterFacility(dentalPlanItem.encounterId), dentalPlanItem.patientId)))
      .orderBy(asc(dentalPlanItem.priority), asc(dentalPlanItem.createdAt)),
  (r) => r.patientId,
);

export const referralById = rowsById((ctx, ids) =>
  ctx.db
    .select()
    .from(referral)
    .where(and(inArray(referral.id, ids), chartVisible(ctx.identity, encounterFacility(referral.encounterId), referral.patientId))),
);
export const referralsByPatient = rowsGrouped(
  (ctx, ids) =>
    ctx.db
      .select()
      .from(referral)
      .where(and(inArray(referral.patientId, ids), chartVisible(ctx.identity, encounterFacility(referral.encounterId), referral.patientId)))
      .orderBy(desc(referral.createdAt)),
  (r) => r.patientId,
);
export const referralsByEncounter = rowsGrouped(
  (ctx, ids) => ctx.db.select().from(referral).where(inArray(referral.encounterId, ids)).orderBy(asc(referral.createdAt)),
  (r) => r.encounterId,
);

export const documentById = rowsById((ctx, ids) =>
  ctx.db
    .select()
    .from(document)
    .where(and(inArray(document.id, ids), chartVisible(ctx.identity, document.facilityId, document.patientId, true))),
);
export const documentsByPatient = rowsGrouped(
  (ctx, ids) =>
    ctx.db
      .select()
      .from(document)
      .where(and(inArray(document.patientId, ids), chartVisible(ctx.identity, document.facilityId, document.patientId, true)))
      .orderBy(desc(document.uploadedAt)),
  (r) => r.patientId,
);
