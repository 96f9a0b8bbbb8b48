import { builder } from '../builder.ts';
import {
  breakTheGlass,
  type EmergencyAccessResult,
  type EmergencyAccessRow,
  emergencyAccessGrants,
  emergencyReadsByGrant,
  READS_PER_GRANT,
  reviewEmergencyAccess,
} from '../services/emergency-access.ts';
import { accountById } from '../services/loaders.ts';
import { readPatient } from '../services/patients.ts';
import { AccountRef } from './account.ts';
import { AuditEventRef } from './audit.ts';
import { PatientRef } from './patient.ts';

const EmergencyAccessRef = builder.objectRef<EmergencyAccessRow>('EmergencyAccess').implement({
  description: 'A break-the-glass grant: a clinician opened the chart of a patient outside their facilities in an emergency. Flagged until reviewed.',
  fields: (t) => ({
    id: t.exposeID('id'),
    account: t.field({
      type: AccountRef,
      nullable: true,
      description: 'Who broke the glass.',
      resolve: (g, _a, ctx) => accountById(ctx).load(g.accountId),
    }),
    patientId: t.exposeID('patientId'),
    patient: t.field({
      type: PatientRef,
      nullable: true,
      description: 'Whose chart they opened (itself an audited read).',
      resolve: (g, _a, ctx) => readPatient(ctx, g.patientId, { tombstones: true }),
    }),
    reason: t.exposeString('reason', { description: 'Why, in their words.' }),
    at: t.expose('at', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the grant ended or ends.' }),
    reads: t.field({
      type: [AuditEventRef],
      description: `What they read or changed of the patient under the grant, oldest first (about ${READS_PER_GRANT} at most; the audit trail holds every one).`,
      resolve: async (g, _a, ctx) => (await emergencyReadsByGrant(ctx).load(g.id)) ?? [],
    }),
    reviewedAt: t.expose('reviewedAt', { type: 'DateTime', nullable: true, description: 'Null until an admin reviewed it.' }),
    reviewedBy: t.field({
      type: AccountRef,
      nullable: true,
      resolve: (g, _a, ctx) => (g.reviewedBy ? accountById(ctx).load(g.reviewedBy) : null),
    }),
    reviewNote: t.exposeString('reviewNote', { nullable: true }),
  }),
});

const BreakTheGlassPayload = builder.objectRef<EmergencyAccessResult>('BreakTheGlassPayload').implement({
  description: 'The chart opened: use `accessToken` in place of the session’s access token (the refresh token stays as it is).',
  fields: (t) => ({
    patientId: t.exposeID('patientId'),
    accessToken: t.exposeString('accessToken', { description: 'An access token of the same session whose claims add this patient.' }),
    accessTokenExpiresAt: t.expose('accessTokenExpiresAt', { type: 'DateTime' }),
    grant: t.field({ type: EmergencyAccessRef, resolve: (r) => r.grant }),
  }),
});

const BreakTheGlassInput = builder.inputType('BreakTheGlassInput', {
  description: 'The patient by exact identifiers (the MRN, or family name and date of birth), why, and the step-up proof.',
  fields: (t) => ({
    mrn: t.string(),
    familyName: t.string(),
    givenName: t.string({ description: 'Narrows family name and date of birth when several patients share them.' }),
    dateOfBirth: t.field({ type: 'Date' }),
    reason: t.string({ required: true, description: 'Why this chart is needed now (at least 10 characters).' }),
    password: t.string({ description: 'One’s password again (accounts without two-step sign-in).' }),
    code: t.string({ description: 'A code from one’s authenticator app, or a recovery code (accounts with two-step sign-in).' }),
  }),
});

builder.queryFields((t) => ({
  emergencyAccessGrants: t.field({
    type: [EmergencyAccessRef],
    description: 'Break-the-glass grants for review (emergency-access.review): unreviewed first, newest first; `reviewed` narrows the list.',
    args: { reviewed: t.arg.boolean(), first: t.arg.int({ description: '50 unless given, at most 200.' }) },
    resolve: (_root, args, ctx) => emergencyAccessGrants(ctx, args),
  }),
}));

builder.mutationFields((t) => ({
  breakTheGlass: t.field({
    type: BreakTheGlassPayload,
    description:
      'Opens the chart of a patient outside one’s facilities in an emergency (chart.emergency-access). The identifiers must match exactly (else NOT_FOUND, as for any mismatch); the grant is audited, flagged for review, and lasts an hour within this session.',
    args: { input: t.arg({ type: BreakTheGlassInput, required: true }) },
    resolve: (_root, { input }, ctx) => breakTheGlass(ctx, input),
  }),
  reviewEmergencyAccess: t.field({
    type: EmergencyAccessRef,
    description: 'Marks a break-the-glass grant reviewed, with what the review found (emergency-access.review).',
    args: { id: t.arg.id({ required: true }), note: t.arg.string({ required: true }) },
    resolve: (_root, { id, note }, ctx) => reviewEmergencyAccess(ctx, String(id), note),
  }),
}));
