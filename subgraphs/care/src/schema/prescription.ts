import { requireCapability } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import type { SafetyFinding } from '../catalogue/safety.ts';
import { prescriptionStatusEnum, routeEnum } from '../db/schema.ts';
import { finalisePrescription, safetyCheck } from '../services/finalise.ts';
import {
  acknowledgementsByPrescription,
  encounterById,
  itemsByPrescription,
  type PrescriptionItemRow,
  type PrescriptionRow,
  prescriptionsByEncounter,
  prescriptionsByPatient,
  type SafetyAcknowledgementRow,
} from '../services/loaders.ts';
import { addPrescriptionItem, cancelPrescription, createPrescription, dispensablePrescriptions, removePrescriptionItem } from '../services/prescriptions.ts';
import { prescriptionPdf } from '../services/printing.ts';
import { patientVisible, readList, readPrescription } from '../services/reads.ts';
import { EncounterRef } from './encounter.ts';
import { dbEnum, Item, Patient, PdfFileRef, Provider } from './refs.ts';

const PrescriptionStatus = dbEnum('PrescriptionStatus', prescriptionStatusEnum.enumValues);
export const MedicationRoute = dbEnum('MedicationRoute', routeEnum.enumValues);

const PrescriptionItemRef = builder.objectRef<PrescriptionItemRow>('PrescriptionItem').implement({
  description: 'One medicine line. Name, generic name, strength and form are as they were in the catalogue when prescribed.',
  fields: (t) => ({
    id: t.exposeID('id'),
    item: t.field({ type: Item, description: 'The catalogue item (supply; staff only).', resolve: (i) => ({ id: i.itemId }) }),
    medicineName: t.exposeString('medicineName'),
    genericName: t.exposeString('genericName'),
    strength: t.exposeString('strength', { nullable: true }),
    form: t.exposeString('form', { nullable: true }),
    dose: t.exposeString('dose'),
    route: t.expose('route', { type: MedicationRoute }),
    frequency: t.exposeString('frequency'),
    durationDays: t.exposeInt('durationDays'),
    quantity: t.exposeInt('quantity'),
    instructions: t.exposeString('instructions', { nullable: true }),
    refills: t.exposeInt('refills'),
    refillsUsed: t.exposeInt('refillsUsed'),
    dispensedQuantity: t.exposeInt('dispensedQuantity'),
  }),
});

const FindingLevel = builder.enumType('SafetyFindingLevel', {
  values: { INFO: { value: 'info' }, WARNING: { value: 'warning' }, BLOCK: { value: 'block' } } as const,
});

const SafetyFindingRef = builder.objectRef<SafetyFinding>('SafetyFinding').implement({
  description: 'An allergy or interaction found at finalise. WARNING needs an acknowledgement with a reason; BLOCK stops finalising.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Quote this key in an acknowledgement.' }),
    kind: t.exposeString('kind'),
    level: t.expose('level', { type: FindingLevel }),
    severity: t.exposeString('severity'),
    message: t.exposeString('message'),
    drugs: t.exposeStringList('drugs'),
  }),
});

const AcknowledgementRef = builder.objectRef<SafetyAcknowledgementRow>('SafetyAcknowledgement').implement({
  fields: (t) => ({
    findingKey: t.exposeString('findingKey'),
    severity: t.exposeString('severity'),
    message: t.exposeString('message'),
    reason: t.exposeString('reason'),
    acknowledgedBy: t.exposeID('acknowledgedBy'),
    acknowledgedAt: t.expose('acknowledgedAt', { type: 'DateTime' }),
  }),
});

export const PrescriptionRef = builder.objectRef<PrescriptionRow>('Prescription').implement({
  description: 'draft → finalised → partly dispensed / dispensed; or cancelled. A patient sees their own, never drafts.',
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.expose('status', { type: PrescriptionStatus }),
    validUntil: t.expose('validUntil', { type: 'Date' }),
    notes: t.exposeString('notes', { nullable: true }),
    patient: t.field({ type: Patient, resolve: (r) => ({ id: r.patientId }) }),
    prescriber: t.field({ type: Provider, resolve: (r) => ({ id: r.prescriberId }) }),
    encounter: t.field({ type: EncounterRef, resolve: async (r, _a, ctx) => (await encounterById(ctx).load(r.encounterId))! }),
    items: t.field({ type: [PrescriptionItemRef], resolve: async (r, _a, ctx) => (await itemsByPrescription(ctx).load(r.id)) ?? [] }),
    finalisedAt: t.expose('finalisedAt', { type: 'DateTime', nullable: true }),
    cancelledAt: t.expose('cancelledAt', { type: 'DateTime', nullable: true }),
    cancelReason: t.exposeString('cancelReason', { nullable: true }),
    renewedFromId: t.exposeID('renewedFromId', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    acknowledgements: t.field({
      type: [AcknowledgementRef],
      description: 'Warnings the prescriber acknowledged at finalise, with reasons. Staff only.',
      resolve: async (r, _a, ctx) => {
        requireCapability(ctx, 'prescription.read');
        return (await acknowledgementsByPrescription(ctx).load(r.id)) ?? [];
      },
    }),
    pdf: t.field({
      type: PdfFileRef,
      description: 'The printable prescription (finalised or dispensed only).',
      resolve: (r, _a, ctx) => prescriptionPdf(ctx, r),
    }),
  }),
});

builder.asEntity(PrescriptionRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => readPrescription(ctx, id),
});

builder.objectFields(EncounterRef, (t) => ({
  prescriptions: t.field({
    type: [PrescriptionRef],
    resolve: async (e, _a, ctx) =>
      readList(ctx, 'prescriptions', e.patientId, 'Prescription', (await prescriptionsByEncounter(ctx).load(e.id)) ?? [], patientVisible.prescription),
  }),
}));

builder.objectFields(Patient, (t) => ({
  prescriptions: t.field({
    type: [PrescriptionRef],
    description: 'Newest first.',
    resolve: async (p, _a, ctx) =>
      readList(ctx, 'prescriptions', p.id, 'Prescription', (await prescriptionsByPatient(ctx).load(p.id)) ?? [], patientVisible.prescription),
  }),
}));

const ItemInput = builder.inputType('PrescriptionItemInput', {
  fields: (t) => ({
    itemId: t.id({ required: true, description: 'A MEDICINE from supply’s catalogue.' }),
    dose: t.string({ required: true }),
    route: t.field({ type: MedicationRoute, required: true }),
    frequency: t.string({ required: true }),
    durationDays: t.int({ required: true }),
    quantity: t.int({ required: true }),
    instructions: t.string(),
    refills: t.int(),
  }),
});

const AcknowledgementInput = builder.inputType('SafetyAcknowledgementInput', {
  fields: (t) => ({ findingKey: t.string({ required: true }), reason: t.string({ required: true }) }),
});

const item = (i: { refills?: number | null } & Record<string, unknown>) => ({ ...i, refills: i.refills ?? undefined }) as never;

builder.queryFields((t) => ({
  prescription: t.field({ type: PrescriptionRef, args: { id: t.arg.id({ required: true }) }, resolve: (_r, { id }, ctx) => readPrescription(ctx, String(id)) }),
  prescriptionSafetyCheck: t.field({
    type: [SafetyFindingRef],
    description: 'What finalising would find now: allergies (from the patient profile) and interactions (offline table).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => safetyCheck(ctx, String(id)),
  }),
  dispensablePrescriptions: t.field({
    type: [PrescriptionRef],
    description: 'Finalised or partly dispensed and still valid: the pharmacy’s queue, oldest first.',
    resolve: (_r, _a, ctx) => dispensablePrescriptions(ctx),
  }),
}));

builder.mutationFields((t) => ({
  createPrescription: t.field({
    type: PrescriptionRef,
    description: 'A draft on an encounter that is not closed. Medicines are looked up in supply’s catalogue.',
    args: {
      encounterId: t.arg.id({ required: true }),
      validUntil: t.arg({ type: 'Date' }),
      notes: t.arg.string(),
      items: t.arg({ type: [ItemInput] }),
    },
    resolve: (_r, args, ctx) => createPrescription(ctx, { ...args, encounterId: String(args.encounterId), items: (args.items ?? []).map(item) }),
  }),
  addPrescriptionItem: t.field({
    type: PrescriptionRef,
    args: { prescriptionId: t.arg.id({ required: true }), item: t.arg({ type: ItemInput, required: true }) },
    resolve: (_r, args, ctx) => addPrescriptionItem(ctx, String(args.prescriptionId), item(args.item)),
  }),
  removePrescriptionItem: t.field({
    type: PrescriptionRef,
    args: { itemId: t.arg.id({ required: true }) },
    resolve: (_r, { itemId }, ctx) => removePrescriptionItem(ctx, String(itemId)),
  }),
  finalisePrescription: t.field({
    type: PrescriptionRef,
    description:
      'Runs the safety checks. INVALID_STATE with rule PRESCRIPTION_SAFETY_BLOCK (severe allergy, contraindicated pair) or ACKNOWLEDGEMENT_REQUIRED (warnings without a reason); extensions.findings lists them.',
    args: { id: t.arg.id({ required: true }), acknowledgements: t.arg({ type: [AcknowledgementInput] }) },
    resolve: (_r, args, ctx) => finalisePrescription(ctx, { id: String(args.id), acknowledgements: args.acknowledgements ?? [] }),
  }),
  cancelPrescription: t.field({
    type: PrescriptionRef,
    description: 'Discards a draft or cancels what remains of a finalised prescription.',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => cancelPrescription(ctx, { id: String(args.id), reason: args.reason }),
  }),
}));
