import { requireCapability } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { markLabResultsSeen, resultsToReview } from '../services/result-review.ts';
import { LabOrderRef } from './lab.ts';

builder.objectFields(LabOrderRef, (t) => ({
  reviewedAt: t.field({
    type: 'DateTime',
    nullable: true,
    description: 'When a doctor marked the results as seen (acknowledging a critical value counts).',
    resolve: (o) => o.reviewedAt,
  }),
  patientVisibleFrom: t.field({
    type: 'DateTime',
    nullable: true,
    description:
      'Staff: from when the patient sees the released results. Abnormal results wait for the ordering doctor, at most the facility’s delay (Facility.patientResultDelayHours).',
    resolve: (o, _a, ctx) => {
      requireCapability(ctx, 'chart.history.read');
      return o.patientVisibleFrom;
    },
  }),
}));

builder.queryFields((t) => ({
  labResultsToReview: t.field({
    type: [LabOrderRef],
    description: 'Doctors: the results inbox, verified or released orders they placed and have not marked as seen, oldest first.',
    resolve: (_r, _a, ctx) => resultsToReview(ctx),
  }),
}));

builder.mutationFields((t) => ({
  markLabResultsSeen: t.field({
    type: LabOrderRef,
    description: 'Doctors: the results of this order have been seen. Abnormal results held back from the patient are released to them now.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => markLabResultsSeen(ctx, String(args.id)),
  }),
}));
