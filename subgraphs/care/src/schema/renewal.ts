import { builder } from '../builder.ts';
import { renewalKindEnum, requestStatusEnum } from '../db/schema.ts';
import { type RenewalRequestRow, renewalRequestsByPrescription } from '../services/loaders.ts';
import { readList, readPrescription, readRenewalRequest } from '../services/reads.ts';
import { decideRenewal, pendingRenewals, requestRenewal } from '../services/renewals.ts';
import { PrescriptionRef } from './prescription.ts';
import { dbEnum } from './refs.ts';

const RenewalKind = dbEnum('RenewalKind', renewalKindEnum.enumValues);
const RequestStatus = dbEnum('RequestStatus', requestStatusEnum.enumValues);

const RenewalRequestRef = builder.objectRef<RenewalRequestRow>('RenewalRequest').implement({
  description: 'A patient’s request to renew or refill a prescription, decided by a doctor.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: RenewalKind }),
    status: t.expose('status', { type: RequestStatus }),
    patientNote: t.exposeString('patientNote', { nullable: true }),
    requestedAt: t.expose('requestedAt', { type: 'DateTime' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    decisionNote: t.exposeString('decisionNote', { nullable: true }),
    prescription: t.field({ type: PrescriptionRef, resolve: (r, _a, ctx) => readPrescription(ctx, r.prescriptionId) }),
    newPrescription: t.field({
      type: PrescriptionRef,
      nullable: true,
      description: 'The draft created on approval (visible to the patient once finalised).',
      resolve: async (r, _a, ctx) => (r.newPrescriptionId ? readPrescription(ctx, r.newPrescriptionId).catch(() => null) : null),
    }),
  }),
});

builder.objectFields(PrescriptionRef, (t) => ({
  renewalRequests: t.field({
    type: [RenewalRequestRef],
    resolve: async (p, _a, ctx) => readList(ctx, 'prescriptions', p.patientId, 'RenewalRequest', (await renewalRequestsByPrescription(ctx).load(p.id)) ?? []),
  }),
}));

builder.queryFields((t) => ({
  renewalRequest: t.field({
    type: RenewalRequestRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => readRenewalRequest(ctx, String(id)),
  }),
  pendingRenewalRequests: t.field({
    type: [RenewalRequestRef],
    description: 'Doctors: requests waiting for a decision.',
    resolve: (_r, _a, ctx) => pendingRenewals(ctx),
  }),
}));

builder.mutationFields((t) => ({
  requestPrescriptionRenewal: t.field({
    type: RenewalRequestRef,
    description: 'Patients: ask for a renewal (new course) or a refill (uses one refill) of your own prescription.',
    args: { prescriptionId: t.arg.id({ required: true }), kind: t.arg({ type: RenewalKind, required: true }), note: t.arg.string() },
    resolve: (_r, args, ctx) => requestRenewal(ctx, { ...args, prescriptionId: String(args.prescriptionId) }),
  }),
  decideRenewalRequest: t.field({
    type: RenewalRequestRef,
    description: 'Doctors: approving creates a draft prescription to finalise (safety checks run then); declining needs a note.',
    args: { requestId: t.arg.id({ required: true }), approve: t.arg.boolean({ required: true }), note: t.arg.string() },
    resolve: (_r, args, ctx) => decideRenewal(ctx, { ...args, requestId: String(args.requestId) }),
  }),
}));
