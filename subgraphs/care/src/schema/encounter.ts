import { builder } from '../builder.ts';
import { encounterOriginEnum, encounterStatusEnum } from '../db/schema.ts';
import { closeEncounter, encounterQueue, followUpRecommendations, openWalkIn, startConsultation } from '../services/encounters.ts';
import { type EncounterRow, encountersByPatient } from '../services/loaders.ts';
import { readEncounter, readList } from '../services/reads.ts';
import { dbEnum, Facility, Patient, Provider } from './refs.ts';

export const EncounterStatus = dbEnum('EncounterStatus', encounterStatusEnum.enumValues);
export const EncounterOrigin = dbEnum('EncounterOrigin', encounterOriginEnum.enumValues);

const FollowUp = builder.objectRef<{ recommendedOn: string; reason: string | null; providerId: string }>('FollowUpRecommendation').implement({
  description: 'When the doctor wants to see the patient again; reception or scheduling turns it into a booking.',
  fields: (t) => ({
    recommendedOn: t.expose('recommendedOn', { type: 'Date' }),
    reason: t.exposeString('reason', { nullable: true }),
    provider: t.field({ type: Provider, resolve: (f) => ({ id: f.providerId }) }),
  }),
});

export const EncounterRef = builder.objectRef<EncounterRow>('Encounter').implement({
  description: 'One visit: from check-in (or walk-in) to the closed consultation.',
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.expose('status', { type: EncounterStatus }),
    origin: t.expose('origin', { type: EncounterOrigin }),
    chiefComplaint: t.exposeString('chiefComplaint', { nullable: true }),
    appointmentId: t.exposeID('appointmentId', { nullable: true, description: 'The scheduling appointment this encounter was opened from.' }),
    openedAt: t.expose('openedAt', { type: 'DateTime' }),
    consultationStartedAt: t.expose('consultationStartedAt', { type: 'DateTime', nullable: true }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    patient: t.field({ type: Patient, nullable: true, resolve: (e) => ({ id: e.patientId }) }),
    provider: t.field({ type: Provider, nullable: true, resolve: (e) => ({ id: e.providerId }) }),
    facility: t.field({ type: Facility, nullable: true, resolve: (e) => ({ id: e.facilityId }) }),
    followUp: t.field({
      type: FollowUp,
      nullable: true,
      resolve: (e) => (e.followUpOn ? { recommendedOn: e.followUpOn, reason: e.followUpReason, providerId: e.followUpProviderId ?? e.providerId } : null),
    }),
  }),
});

builder.asEntity(EncounterRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => readEncounter(ctx, id),
});

builder.objectFields(Patient, (t) => ({
  encounters: t.field({
    type: [EncounterRef],
    description: 'Newest first. A patient sees their own encounter summaries.',
    resolve: async (p, _a, ctx) => readList(ctx, 'encounter', p.id, 'Encounter', (await encountersByPatient(ctx).load(p.id)) ?? []),
  }),
}));

const FollowUpInput = builder.inputType('FollowUpInput', {
  fields: (t) => ({
    inDays: t.int({ description: 'Days from today; or give `on`.' }),
    on: t.field({ type: 'Date' }),
    reason: t.string(),
    providerId: t.id({ description: 'Defaults to the encounter’s provider.' }),
  }),
});

builder.queryFields((t) => ({
  encounter: t.field({
    type: EncounterRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => readEncounter(ctx, String(id)),
  }),
  encounterQueue: t.field({
    type: [EncounterRef],
    description: 'Encounters not yet closed for a provider (default: the caller), oldest first, at the caller’s facilities.',
    args: { providerId: t.arg.id() },
    resolve: (_r, args, ctx) => encounterQueue(ctx, args.providerId ? String(args.providerId) : null),
  }),
  followUpRecommendations: t.field({
    type: [EncounterRef],
    description: 'Closed encounters at the caller’s facilities whose recommended follow-up falls in the range: what reception books.',
    args: { from: t.arg({ type: 'Date', required: true }), to: t.arg({ type: 'Date', required: true }) },
    resolve: (_r, { from, to }, ctx) => followUpRecommendations(ctx, from, to),
  }),
}));

builder.mutationFields((t) => ({
  openWalkInEncounter: t.field({
    type: EncounterRef,
    description: 'Opens an encounter for a patient without an appointment.',
    args: {
      patientId: t.arg.id({ required: true }),
      facilityId: t.arg.id({ required: true }),
      providerId: t.arg.id({ description: 'Defaults to the caller’s provider record.' }),
      chiefComplaint: t.arg.string(),
    },
    resolve: (_r, args, ctx) => openWalkIn(ctx, args),
  }),
  startConsultation: t.field({
    type: EncounterRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => startConsultation(ctx, String(id)),
  }),
  closeEncounter: t.field({
    type: EncounterRef,
    description:
      'Closes an encounter in consultation. Rules (typed INVALID_STATE naming the rule): ENCOUNTER_NOT_IN_CONSULTATION, ENCOUNTER_NEEDS_DIAGNOSIS_OR_NOTE, DRAFT_PRESCRIPTIONS_OPEN.',
    args: { id: t.arg.id({ required: true }), followUp: t.arg({ type: FollowUpInput }) },
    resolve: (_r, args, ctx) => closeEncounter(ctx, { id: String(args.id), followUp: args.followUp }),
  }),
}));
