import { builder } from '../builder.ts';
import { mergePatients, type PatientMergeResult } from '../services/merge.ts';
import { PatientRef } from './patient.ts';

const MergedAccountOutcomeEnum = builder.enumType('MergedAccountOutcome', {
  description: "What happened to the merged record's patient account.",
  values: {
    NONE: { value: 'none', description: 'It had none.' },
    RELINKED: { value: 'relinked', description: 'It now signs in to the record kept (which had no account).' },
    DEACTIVATED: { value: 'deactivated', description: 'The record kept has its own account: this one was deactivated and its sessions ended.' },
  } as const,
});

const PatientMergeRef = builder.objectRef<PatientMergeResult>('PatientMerge').implement({
  description: 'The outcome of merging a duplicate patient record into the one kept.',
  fields: (t) => ({
    survivor: t.field({ type: PatientRef, description: 'The record kept, with what it took over.', resolve: (r) => r.survivor }),
    merged: t.field({ type: PatientRef, description: 'The merged record, now a tombstone pointing to the survivor.', resolve: (r) => r.merged }),
    copiedFields: t.stringList({ description: "The survivor's empty details filled from the merged record.", resolve: (r) => r.copiedFields }),
    account: t.field({ type: MergedAccountOutcomeEnum, resolve: (r) => r.account }),
  }),
});

builder.mutationFields((t) => ({
  mergePatients: t.field({
    type: PatientMergeRef,
    description:
      'Admins: merges a duplicate record (mergeId) into the one kept (keepId), with the reason for the audit trail. ' +
      'The merged record stays as a tombstone (PATIENT_MERGED when read); the other services move its visits, appointments, ' +
      'invoices and the rest to the survivor. Refused: the same record twice (BAD_USER_INPUT), a record already merged (INVALID_STATE).',
    args: {
      keepId: t.arg.id({ required: true }),
      mergeId: t.arg.id({ required: true }),
      reason: t.arg.string({ required: true }),
    },
    resolve: (_root, args, ctx) => mergePatients(ctx, { keepId: String(args.keepId), mergeId: String(args.mergeId), reason: args.reason }),
  }),
}));
