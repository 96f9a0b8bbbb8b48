import { requireCapability } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { modalityEnum, radiologyStatusEnum } from '../db/schema.ts';
import { isPatientCaller } from '../services/access.ts';
import {
  encounterById,
  type RadiologyOrderRow,
  type RadiologyReportRow,
  radiologyOrdersByEncounter,
  radiologyOrdersByPatient,
  reportsByRadiologyOrder,
} from '../services/loaders.ts';
import { cancelImaging, orderImaging, radiologyWorklist, reportImaging, verifyImagingReport } from '../services/radiology.ts';
import { patientVisible, readList, readRadiologyOrder } from '../services/reads.ts';
import { EncounterRef } from './encounter.ts';
import { OrderPriority } from './lab.ts';
import { dbEnum, Patient, Provider } from './refs.ts';

const Modality = dbEnum('ImagingModality', modalityEnum.enumValues);
const RadiologyStatus = dbEnum('RadiologyStatus', radiologyStatusEnum.enumValues);

const ReportRef = builder.objectRef<RadiologyReportRow>('RadiologyReport').implement({
  description: 'One version of a report; a correction adds a version with a reason.',
  fields: (t) => ({
    version: t.exposeInt('version'),
    findings: t.exposeString('findings'),
    impression: t.exposeString('impression'),
    correctionReason: t.exposeString('correctionReason', { nullable: true }),
    reportedAt: t.expose('reportedAt', { type: 'DateTime' }),
  }),
});

export const RadiologyOrderRef = builder.objectRef<RadiologyOrderRow>('RadiologyOrder').implement({
  description: 'ordered → reported → verified (a corrected report goes back to reported). A patient sees it once verified.',
  fields: (t) => ({
    id: t.exposeID('id'),
    modality: t.expose('modality', { type: Modality }),
    bodyPart: t.exposeString('bodyPart'),
    priority: t.expose('priority', { type: OrderPriority }),
    status: t.expose('status', { type: RadiologyStatus }),
    clinicalInfo: t.string({ nullable: true, description: 'Staff only.', resolve: (o, _a, ctx) => (isPatientCaller(ctx) ? null : o.clinicalInfo) }),
    orderedAt: t.expose('orderedAt', { type: 'DateTime' }),
    verifiedAt: t.expose('verifiedAt', { type: 'DateTime', nullable: true }),
    patient: t.field({ type: Patient, resolve: (o) => ({ id: o.patientId }) }),
    orderingProvider: t.field({ type: Provider, resolve: (o) => ({ id: o.orderingProviderId }) }),
    encounter: t.field({ type: EncounterRef, resolve: async (o, _a, ctx) => (await encounterById(ctx).load(o.encounterId))! }),
    report: t.field({
      type: ReportRef,
      nullable: true,
      description: 'The current version.',
      resolve: async (o, _a, ctx) => ((await reportsByRadiologyOrder(ctx).load(o.id)) ?? []).find((r) => r.version === o.currentVersion) ?? null,
    }),
    reportVersions: t.field({
      type: [ReportRef],
      description: 'Every version, oldest first (staff only).',
      resolve: async (o, _a, ctx) => {
        requireCapability(ctx, 'chart.history.read');
        return (await reportsByRadiologyOrder(ctx).load(o.id)) ?? [];
      },
    }),
  }),
});

builder.asEntity(RadiologyOrderRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => readRadiologyOrder(ctx, id),
});

builder.objectFields(EncounterRef, (t) => ({
  radiologyOrders: t.field({
    type: [RadiologyOrderRef],
    resolve: async (e, _a, ctx) =>
      readList(ctx, 'radiology', e.patientId, 'RadiologyOrder', (await radiologyOrdersByEncounter(ctx).load(e.id)) ?? [], patientVisible.radiologyOrder),
  }),
}));

builder.objectFields(Patient, (t) => ({
  radiologyOrders: t.field({
    type: [RadiologyOrderRef],
    resolve: async (p, _a, ctx) =>
      readList(ctx, 'radiology', p.id, 'RadiologyOrder', (await radiologyOrdersByPatient(ctx).load(p.id)) ?? [], patientVisible.radiologyOrder),
  }),
}));

builder.queryFields((t) => ({
  radiologyOrder: t.field({
    type: RadiologyOrderRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => readRadiologyOrder(ctx, String(id)),
  }),
  radiologyWorklist: t.field({
    type: [RadiologyOrderRef],
    description: 'Doctors: studies in the given states (default: ordered and reported, i.e. to report or to verify), oldest first.',
    args: { statuses: t.arg({ type: [RadiologyStatus] }) },
    resolve: (_r, { statuses }, ctx) => radiologyWorklist(ctx, statuses),
  }),
}));

builder.mutationFields((t) => ({
  orderImaging: t.field({
    type: RadiologyOrderRef,
    args: {
      encounterId: t.arg.id({ required: true }),
      modality: t.arg({ type: Modality, required: true }),
      bodyPart: t.arg.string({ required: true }),
      clinicalInfo: t.arg.string(),
      priority: t.arg({ type: OrderPriority }),
    },
    resolve: (_r, args, ctx) => orderImaging(ctx, { ...args, encounterId: String(args.encounterId), priority: args.priority ?? undefined }),
  }),
  reportImaging: t.field({
    type: RadiologyOrderRef,
    description: 'Writes the report (findings, impression). A later report is a correction and needs correctionReason.',
    args: {
      orderId: t.arg.id({ required: true }),
      findings: t.arg.string({ required: true }),
      impression: t.arg.string({ required: true }),
      correctionReason: t.arg.string(),
    },
    resolve: (_r, args, ctx) => reportImaging(ctx, { ...args, orderId: String(args.orderId) }),
  }),
  verifyImagingReport: t.field({
    type: RadiologyOrderRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => verifyImagingReport(ctx, String(id)),
  }),
  cancelImaging: t.field({ type: RadiologyOrderRef, args: { id: t.arg.id({ required: true }) }, resolve: (_r, { id }, ctx) => cancelImaging(ctx, String(id)) }),
}));
