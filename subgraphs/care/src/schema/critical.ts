import { builder } from '../builder.ts';
import { acknowledgeCriticalResult, type CriticalResultRow, unacknowledgedCriticalResults } from '../services/critical-results.ts';
import { LabOrderRef, ResultFlag } from './lab.ts';
import { Patient, Provider } from './refs.ts';

export const CriticalLabResultRef = builder.objectRef<CriticalResultRow>('CriticalLabResult').implement({
  description: 'A critical lab value (one version of a result), raised to the ordering doctor when the lab verified it, until a clinician acknowledges it.',
  fields: (t) => ({
    id: t.id({ description: 'The lab result version; pass it to acknowledgeCriticalResult.', resolve: (r) => r.result.id }),
    version: t.int({ resolve: (r) => r.result.version }),
    testCode: t.string({ resolve: (r) => r.item.testCode }),
    testName: t.string({ resolve: (r) => r.item.testName }),
    value: t.float({ nullable: true, resolve: (r) => (r.result.valueNumeric === null ? null : Number(r.result.valueNumeric)) }),
    unit: t.string({ nullable: true, resolve: (r) => r.item.unit }),
    flag: t.field({ type: ResultFlag, resolve: (r) => r.result.flag }),
    enteredAt: t.field({ type: 'DateTime', resolve: (r) => r.result.enteredAt }),
    verifiedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the lab verified the order (when the alert was raised).',
      resolve: (r) => r.order.verifiedAt,
    }),
    patient: t.field({ type: Patient, resolve: (r) => ({ id: r.order.patientId }) }),
    labOrder: t.field({ type: LabOrderRef, resolve: (r) => r.order }),
    orderingProvider: t.field({ type: Provider, resolve: (r) => ({ id: r.order.orderingProviderId }) }),
    acknowledgedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.acknowledgement?.acknowledgedAt ?? null }),
    acknowledgedBy: t.id({ nullable: true, description: 'The account that acknowledged it.', resolve: (r) => r.acknowledgement?.acknowledgedBy ?? null }),
  }),
});

builder.queryFields((t) => ({
  unacknowledgedCriticalResults: t.field({
    type: [CriticalLabResultRef],
    description: 'The calling doctor’s verified critical results that nobody has acknowledged yet, oldest first.',
    resolve: (_r, _a, ctx) => unacknowledgedCriticalResults(ctx),
  }),
}));

builder.mutationFields((t) => ({
  acknowledgeCriticalResult: t.field({
    type: CriticalLabResultRef,
    description:
      'The ordering doctor (or a doctor or nurse for them) records having seen a critical result. Idempotent: again, it answers the first acknowledgement.',
    args: { resultId: t.arg.id({ required: true }) },
    resolve: (_r, { resultId }, ctx) => acknowledgeCriticalResult(ctx, String(resultId)),
  }),
}));
