import { builder } from '../builder.ts';
import { referralStatusEnum } from '../db/schema.ts';
import { type ReferralRow, referralsByEncounter, referralsByPatient } from '../services/loaders.ts';
import { readList, readReferral } from '../services/reads.ts';
import { referralLetter } from '../services/referral-letter.ts';
import { createReferral, setReferralStatus } from '../services/referrals.ts';
import { EncounterRef } from './encounter.ts';
import { dbEnum, Patient, PdfFileRef, Provider } from './refs.ts';

const ReferralStatus = dbEnum('ReferralStatus', referralStatusEnum.enumValues);

const ReferralRef = builder.objectRef<ReferralRow>('Referral').implement({
  description: 'A referral to another provider or a specialty/department: sent → accepted → completed (or cancelled).',
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.expose('status', { type: ReferralStatus }),
    reason: t.exposeString('reason'),
    urgency: t.exposeString('urgency'),
    toSpecialty: t.exposeString('toSpecialty', { nullable: true }),
    toProvider: t.field({ type: Provider, nullable: true, resolve: (r) => (r.toProviderId ? { id: r.toProviderId } : null) }),
    fromProvider: t.field({ type: Provider, resolve: (r) => ({ id: r.fromProviderId }) }),
    patient: t.field({ type: Patient, resolve: (r) => ({ id: r.patientId }) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    letter: t.field({
      type: PdfFileRef,
      description: 'The printable referral letter (doctors and nurses: it lists the visit’s diagnoses).',
      resolve: (r, _a, ctx) => referralLetter(ctx, r),
    }),
  }),
});

builder.objectFields(EncounterRef, (t) => ({
  referrals: t.field({
    type: [ReferralRef],
    resolve: async (e, _a, ctx) => readList(ctx, 'referrals', e.patientId, 'Referral', (await referralsByEncounter(ctx).load(e.id)) ?? []),
  }),
}));

builder.objectFields(Patient, (t) => ({
  referrals: t.field({
    type: [ReferralRef],
    resolve: async (p, _a, ctx) => readList(ctx, 'referrals', p.id, 'Referral', (await referralsByPatient(ctx).load(p.id)) ?? []),
  }),
}));

const Urgency = builder.enumType('ReferralUrgency', {
  values: { ROUTINE: { value: 'routine' }, URGENT: { value: 'urgent' }, EMERGENCY: { value: 'emergency' } } as const,
});
const NextStatus = builder.enumType('ReferralStatusChange', {
  values: { ACCEPTED: { value: 'accepted' }, COMPLETED: { value: 'completed' }, CANCELLED: { value: 'cancelled' } } as const,
});

builder.queryFields((t) => ({
  referral: t.field({ type: ReferralRef, args: { id: t.arg.id({ required: true }) }, resolve: (_r, { id }, ctx) => readReferral(ctx, String(id)) }),
}));

builder.mutationFields((t) => ({
  createReferral: t.field({
    type: ReferralRef,
    args: {
      encounterId: t.arg.id({ required: true }),
      toProviderId: t.arg.id(),
      toSpecialty: t.arg.string({ description: 'A specialty or department, when no particular provider is named.' }),
      reason: t.arg.string({ required: true }),
      urgency: t.arg({ type: Urgency }),
    },
    resolve: (_r, args, ctx) =>
      createReferral(ctx, {
        ...args,
        encounterId: String(args.encounterId),
        toProviderId: args.toProviderId ? String(args.toProviderId) : null,
        urgency: args.urgency ?? undefined,
      }),
  }),
  setReferralStatus: t.field({
    type: ReferralRef,
    args: { id: t.arg.id({ required: true }), status: t.arg({ type: NextStatus, required: true }) },
    resolve: (_r, args, ctx) => setReferralStatus(ctx, { id: String(args.id), status: args.status }),
  }),
}));
