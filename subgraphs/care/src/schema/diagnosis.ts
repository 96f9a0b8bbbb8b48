import { requireCapability } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { type IcdCode, icdCodeCount, lookupIcd, searchIcd } from '../catalogue/icd10.ts';
import { diagnosisKindEnum } from '../db/schema.ts';
import { addDiagnosis, removeDiagnosis } from '../services/diagnoses.ts';
import { type DiagnosisRow, diagnosesByEncounter, diagnosesByPatient } from '../services/loaders.ts';
import { readList } from '../services/reads.ts';
import { EncounterRef } from './encounter.ts';
import { dbEnum, Patient } from './refs.ts';

const DiagnosisKind = dbEnum('DiagnosisKind', diagnosisKindEnum.enumValues);

const IcdCodeRef = builder.objectRef<IcdCode>('Icd10Code').implement({
  description: 'A code from the bundled ICD-10-CM list (see subgraphs/care/data/README.md).',
  fields: (t) => ({ code: t.exposeString('code'), description: t.exposeString('description') }),
});

export const DiagnosisRef = builder.objectRef<DiagnosisRow>('Diagnosis').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    description: t.exposeString('description'),
    kind: t.expose('kind', { type: DiagnosisKind }),
    comment: t.exposeString('comment', { nullable: true }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
    encounterId: t.exposeID('encounterId'),
  }),
});

builder.objectFields(EncounterRef, (t) => ({
  diagnoses: t.field({
    type: [DiagnosisRef],
    description: 'Part of the encounter summary a patient sees.',
    resolve: async (e, _a, ctx) => readList(ctx, 'diagnoses', e.patientId, 'Diagnosis', (await diagnosesByEncounter(ctx).load(e.id)) ?? []),
  }),
}));

builder.objectFields(Patient, (t) => ({
  diagnosisHistory: t.field({
    type: [DiagnosisRef],
    description: 'Every diagnosis recorded in care, newest first. The problem list itself stays on the patient profile (people).',
    resolve: async (p, _a, ctx) => readList(ctx, 'diagnoses', p.id, 'Diagnosis', (await diagnosesByPatient(ctx).load(p.id)) ?? []),
  }),
}));

builder.queryFields((t) => ({
  icd10Search: t.field({
    type: [IcdCodeRef],
    description: `Searches the bundled ICD-10-CM list (${icdCodeCount()} codes) by code or words of the description.`,
    args: { query: t.arg.string({ required: true }), first: t.arg.int({ defaultValue: 20 }) },
    resolve: (_r, { query, first }, ctx) => {
      requireCapability(ctx, 'clinical.reference.read');
      return searchIcd(query.slice(0, 100), Math.min(Math.max(first ?? 20, 1), 100));
    },
  }),
  icd10Code: t.field({
    type: IcdCodeRef,
    nullable: true,
    args: { code: t.arg.string({ required: true }) },
    resolve: (_r, { code }, ctx) => {
      requireCapability(ctx, 'clinical.reference.read');
      return lookupIcd(code);
    },
  }),
}));

builder.mutationFields((t) => ({
  addDiagnosis: t.field({
    type: DiagnosisRef,
    description:
      'The code must be in the bundled ICD-10-CM list (BAD_USER_INPUT otherwise). One primary per encounter; without `kind`, primary when the encounter has none yet, else secondary.',
    args: {
      encounterId: t.arg.id({ required: true }),
      code: t.arg.string({ required: true }),
      kind: t.arg({ type: DiagnosisKind }),
      comment: t.arg.string(),
    },
    resolve: (_r, args, ctx) => addDiagnosis(ctx, { ...args, encounterId: String(args.encounterId), kind: args.kind ?? undefined }),
  }),
  removeDiagnosis: t.field({
    type: 'Boolean',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => removeDiagnosis(ctx, String(id)),
  }),
}));
