import { requireCapability } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { type LabTest, labTest, labTests } from '../catalogue/lab-tests.ts';
import { labOrderStatusEnum, priorityEnum, resultFlagEnum } from '../db/schema.ts';
import { isPatientCaller } from '../services/access.ts';
import {
  cancelLabOrder,
  collectSample,
  enterLabResult,
  labWorklist,
  orderLabTests,
  receiveLabOrder,
  releaseLabOrder,
  verifyLabOrder,
} from '../services/labs.ts';
import {
  encounterById,
  type LabOrderItemRow,
  type LabOrderRow,
  type LabResultRow,
  labItemsByOrder,
  labOrdersByEncounter,
  labOrdersByPatient,
  labResultsByItem,
} from '../services/loaders.ts';
import { patientVisible, readLabOrder, readList } from '../services/reads.ts';
import { EncounterRef } from './encounter.ts';
import { dbEnum, Patient, Provider } from './refs.ts';

export const LabOrderStatus = dbEnum('LabOrderStatus', labOrderStatusEnum.enumValues);
export const OrderPriority = dbEnum('OrderPriority', priorityEnum.enumValues);
export const ResultFlag = dbEnum('ResultFlag', resultFlagEnum.enumValues);

const num = (v: number | null) => (v === null ? null : Number(v));

const LabResultRef = builder.objectRef<LabResultRow>('LabResult').implement({
  description: 'One version of a result. A correction adds a version with a reason; earlier versions stay.',
  fields: (t) => ({
    id: t.exposeID('id'),
    version: t.exposeInt('version'),
    value: t.float({ nullable: true, resolve: (r) => num(r.valueNumeric) }),
    text: t.exposeString('valueText', { nullable: true }),
    flag: t.expose('flag', { type: ResultFlag }),
    comment: t.exposeString('comment', { nullable: true }),
    correctionReason: t.exposeString('correctionReason', { nullable: true }),
    enteredAt: t.expose('enteredAt', { type: 'DateTime' }),
  }),
});

const PLAUSIBLE = 'Physiological limit of this test: enterLabResult refuses a value outside as a typing or unit error.';

const LabOrderItemRef = builder.objectRef<LabOrderItemRow>('LabOrderItem').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    testCode: t.exposeString('testCode'),
    testName: t.exposeString('testName'),
    unit: t.exposeString('unit', { nullable: true }),
    referenceLow: t.float({ nullable: true, resolve: (i) => num(i.refLow) }),
    referenceHigh: t.float({ nullable: true, resolve: (i) => num(i.refHigh) }),
    plausibleLow: t.float({ nullable: true, description: PLAUSIBLE, resolve: (i) => labTest(i.testCode)?.plausibleLow ?? null }),
    plausibleHigh: t.float({ nullable: true, description: PLAUSIBLE, resolve: (i) => labTest(i.testCode)?.plausibleHigh ?? null }),
    result: t.field({
      type: LabResultRef,
      nullable: true,
      description: 'The current version.',
      resolve: async (i, _a, ctx) => ((await labResultsByItem(ctx).load(i.id)) ?? []).find((r) => r.version === i.currentVersion) ?? null,
    }),
    versions: t.field({
      type: [LabResultRef],
      description: 'Every version, oldest first (staff only).',
      resolve: async (i, _a, ctx) => {
        requireCapability(ctx, 'chart.history.read');
        return (await labResultsByItem(ctx).load(i.id)) ?? [];
      },
    }),
  }),
});

export const LabOrderRef = builder.objectRef<LabOrderRow>('LabOrder').implement({
  description: 'ordered → collected → received → resulted → verified → released. A patient sees it once released.',
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.expose('status', { type: LabOrderStatus }),
    priority: t.expose('priority', { type: OrderPriority }),
    clinicalInfo: t.string({ nullable: true, description: 'Staff only.', resolve: (o, _a, ctx) => (isPatientCaller(ctx) ? null : o.clinicalInfo) }),
    specimen: t.exposeString('specimen', { nullable: true }),
    orderedAt: t.expose('orderedAt', { type: 'DateTime' }),
    collectedAt: t.expose('collectedAt', { type: 'DateTime', nullable: true }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime', nullable: true }),
    verifiedAt: t.expose('verifiedAt', { type: 'DateTime', nullable: true }),
    releasedAt: t.expose('releasedAt', { type: 'DateTime', nullable: true }),
    patient: t.field({ type: Patient, resolve: (o) => ({ id: o.patientId }) }),
    orderingProvider: t.field({ type: Provider, resolve: (o) => ({ id: o.orderingProviderId }) }),
    encounter: t.field({ type: EncounterRef, resolve: async (o, _a, ctx) => (await encounterById(ctx).load(o.encounterId))! }),
    items: t.field({ type: [LabOrderItemRef], resolve: async (o, _a, ctx) => (await labItemsByOrder(ctx).load(o.id)) ?? [] }),
  }),
});

builder.asEntity(LabOrderRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => readLabOrder(ctx, id),
});

const LabTestRef = builder.objectRef<LabTest>('LabTest').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    unit: t.exposeString('unit', { nullable: true }),
    referenceLow: t.float({ nullable: true, resolve: (x) => x.refLow ?? null }),
    referenceHigh: t.float({ nullable: true, resolve: (x) => x.refHigh ?? null }),
    criticalLow: t.float({ nullable: true, resolve: (x) => x.criticalLow ?? null }),
    criticalHigh: t.float({ nullable: true, resolve: (x) => x.criticalHigh ?? null }),
    plausibleLow: t.float({ nullable: true, description: PLAUSIBLE, resolve: (x) => x.plausibleLow ?? null }),
    plausibleHigh: t.float({ nullable: true, description: PLAUSIBLE, resolve: (x) => x.plausibleHigh ?? null }),
  }),
});

builder.objectFields(EncounterRef, (t) => ({
  labOrders: t.field({
    type: [LabOrderRef],
    resolve: async (e, _a, ctx) => readList(ctx, 'labs', e.patientId, 'LabOrder', (await labOrdersByEncounter(ctx).load(e.id)) ?? [], patientVisible.labOrder),
  }),
}));

builder.objectFields(Patient, (t) => ({
  labOrders: t.field({
    type: [LabOrderRef],
    description: 'Newest first; a patient sees released results only.',
    resolve: async (p, _a, ctx) => readList(ctx, 'labs', p.id, 'LabOrder', (await labOrdersByPatient(ctx).load(p.id)) ?? [], patientVisible.labOrder),
  }),
}));

builder.queryFields((t) => ({
  labOrder: t.field({ type: LabOrderRef, args: { id: t.arg.id({ required: true }) }, resolve: (_r, { id }, ctx) => readLabOrder(ctx, String(id)) }),
  labWorklist: t.field({
    type: [LabOrderRef],
    description: 'Orders in the given states (default: collected, received, resulted), oldest first.',
    args: { statuses: t.arg({ type: [LabOrderStatus] }) },
    resolve: (_r, { statuses }, ctx) => {
      return labWorklist(ctx, statuses?.length ? statuses : ['collected', 'received', 'resulted']);
    },
  }),
  labTestCatalogue: t.field({
    type: [LabTestRef],
    resolve: (_r, _a, ctx) => {
      requireCapability(ctx, 'clinical.reference.read');
      return labTests();
    },
  }),
}));

builder.mutationFields((t) => ({
  orderLabTests: t.field({
    type: LabOrderRef,
    args: {
      encounterId: t.arg.id({ required: true }),
      tests: t.arg.stringList({ required: true, description: 'Codes from labTestCatalogue.' }),
      priority: t.arg({ type: OrderPriority }),
      clinicalInfo: t.arg.string(),
    },
    resolve: (_r, args, ctx) => orderLabTests(ctx, { ...args, encounterId: String(args.encounterId), priority: args.priority ?? undefined }),
  }),
  collectLabSample: t.field({
    type: LabOrderRef,
    description: 'Nurses (and lab staff) record the sample collection.',
    args: { orderId: t.arg.id({ required: true }), specimen: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => collectSample(ctx, { orderId: String(args.orderId), specimen: args.specimen }),
  }),
  receiveLabOrder: t.field({ type: LabOrderRef, args: { id: t.arg.id({ required: true }) }, resolve: (_r, { id }, ctx) => receiveLabOrder(ctx, String(id)) }),
  enterLabResult: t.field({
    type: LabResultRef,
    description: 'Lab staff. A second entry for the same test is a correction: it needs correctionReason and keeps the earlier version.',
    args: {
      orderItemId: t.arg.id({ required: true }),
      value: t.arg.float(),
      text: t.arg.string(),
      abnormal: t.arg.boolean(),
      comment: t.arg.string(),
      correctionReason: t.arg.string(),
    },
    resolve: (_r, args, ctx) => enterLabResult(ctx, { ...args, orderItemId: String(args.orderItemId) }),
  }),
  verifyLabOrder: t.field({ type: LabOrderRef, args: { id: t.arg.id({ required: true }) }, resolve: (_r, { id }, ctx) => verifyLabOrder(ctx, String(id)) }),
  releaseLabOrder: t.field({ type: LabOrderRef, args: { id: t.arg.id({ required: true }) }, resolve: (_r, { id }, ctx) => releaseLabOrder(ctx, String(id)) }),
  cancelLabOrder: t.field({ type: LabOrderRef, args: { id: t.arg.id({ required: true }) }, resolve: (_r, { id }, ctx) => cancelLabOrder(ctx, String(id)) }),
}));
