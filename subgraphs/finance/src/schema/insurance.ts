import { builder } from '../builder.ts';
import { assertCanSee, validId } from '../services/access.ts';
import { createInsurancePolicy, deactivateInsurancePolicy } from '../services/catalogue.ts';
import { type ClaimSubmissionRow, readClaimSubmission, submitClaims } from '../services/claim-submission.ts';
import { adjudicateClaim, createClaim, listClaims, recordClaimPayment } from '../services/claims.ts';
import {
  type ClaimLineRow,
  type ClaimRow,
  claimsByInvoice,
  invoiceById,
  linesByClaim,
  type PolicyRow,
  policiesByPatient,
  policyById,
} from '../services/loaders.ts';
import { ClaimStatusEnum } from './enums.ts';
import { InvoiceType } from './invoice.ts';
import { PaymentType } from './payment.ts';
import { PatientRef, patientOf } from './refs.ts';

const PolicyType = builder.objectRef<PolicyRow>('InsurancePolicy').implement({
  description: "A patient's insurance: the payer covers a percentage of each line, or all but a copay per claim.",
  fields: (t) => ({
    id: t.exposeID('id'),
    patient: t.field({ type: PatientRef, nullable: true, resolve: (p) => patientOf(p.patientId) }),
    payer: t.exposeString('payer'),
    memberId: t.exposeString('memberId'),
    groupNumber: t.exposeString('groupNumber', { nullable: true }),
    coverageBasisPoints: t.exposeInt('coverageBp', { nullable: true }),
    copayMinor: t.exposeInt('copayMinor', { nullable: true }),
    currency: t.exposeString('currency'),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true }),
    active: t.exposeBoolean('active'),
  }),
});

const ClaimLineType = builder.objectRef<ClaimLineRow>('ClaimLine').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    invoiceLineId: t.exposeID('invoiceLineId'),
    claimedMinor: t.exposeInt('claimedMinor'),
    approvedMinor: t.exposeInt('approvedMinor', { nullable: true }),
    denialCode: t.exposeString('denialCode', { nullable: true }),
    denialReason: t.exposeString('denialReason', { nullable: true }),
  }),
});

const ClaimType = builder.objectRef<ClaimRow>('Claim').implement({
  description: 'draft → submitted → approved / partially approved / denied → paid.',
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeString('number'),
    status: t.expose('status', { type: ClaimStatusEnum }),
    invoice: t.field({ type: InvoiceType, resolve: async (c, _a, ctx) => (await invoiceById(ctx).load(c.invoiceId))! }),
    policy: t.field({ type: PolicyType, resolve: async (c, _a, ctx) => (await policyById(ctx).load(c.policyId))! }),
    patient: t.field({ type: PatientRef, nullable: true, resolve: (c) => patientOf(c.patientId) }),
    payer: t.exposeString('payer'),
    currency: t.exposeString('currency'),
    claimedMinor: t.exposeInt('claimedMinor'),
    approvedMinor: t.exposeInt('approvedMinor', { nullable: true }),
    paidMinor: t.exposeInt('paidMinor'),
    denialCode: t.exposeString('denialCode', { nullable: true }),
    denialReason: t.exposeString('denialReason', { nullable: true }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    adjudicatedAt: t.expose('adjudicatedAt', { type: 'DateTime', nullable: true }),
    lines: t.field({ type: [ClaimLineType], resolve: async (c, _a, ctx) => (await linesByClaim(ctx).load(c.id)) ?? [] }),
  }),
});

const SubmissionType = builder.objectRef<ClaimSubmissionRow>('ClaimSubmission').implement({
  description: 'A recorded submission and its export file (CSV, one row per claimed line).',
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeString('number'),
    fileName: t.exposeString('fileName'),
    csv: t.exposeString('content'),
    claimCount: t.exposeInt('claimCount'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.objectFields(InvoiceType, (t) => ({
  claims: t.field({ type: [ClaimType], resolve: async (i, _a, ctx) => (await claimsByInvoice(ctx).load(i.id)) ?? [] }),
}));

builder.objectFields(PatientRef, (t) => ({
  insurancePolicies: t.field({
    type: [PolicyType],
    nullable: { list: true, items: false },
    resolve: async (p, _a, ctx) => {
      assertCanSee(ctx, p.id, 'Patient');
      ctx.audit.record({ action: 'read', entityType: 'InsurancePolicy', patientId: p.id });
      return (await policiesByPatient(ctx).load(p.id)) ?? [];
    },
  }),
}));

const PolicyInput = builder.inputType('InsurancePolicyInput', {
  fields: (t) => ({
    patientId: t.id({ required: true }),
    payer: t.string({ required: true }),
    memberId: t.string({ required: true }),
    groupNumber: t.string(),
    coverageBasisPoints: t.int({ description: 'The payer covers this share of each line (0–10000); or give a copay.' }),
    copayMinor: t.int({ description: 'The patient pays this much per claim; the payer the rest.' }),
    currency: t.string({ required: true }),
    validFrom: t.field({ type: 'Date', required: true }),
    validTo: t.field({ type: 'Date' }),
    facilityId: t.id({
      description: 'The desk recording it; the caller’s own facility when they work at one. The policy covers the patient at every facility.',
    }),
  }),
});

const AdjudicationLineInput = builder.inputType('ClaimLineDecisionInput', {
  fields: (t) => ({
    claimLineId: t.id({ required: true }),
    approvedMinor: t.int({ required: true }),
    denialCode: t.string(),
    denialReason: t.string(),
  }),
});

const AdjudicationInput = builder.inputType('ClaimAdjudicationInput', {
  description: "The payer's decision. Lines not named are approved in full; less than claimed needs a denial reason.",
  fields: (t) => ({
    claimId: t.id({ required: true }),
    lines: t.field({ type: [AdjudicationLineInput] }),
    denialCode: t.string(),
    denialReason: t.string(),
  }),
});

builder.queryFields((t) => ({
  insurancePolicies: t.field({
    type: [PolicyType],
    args: { patientId: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const patientId = validId(String(args.patientId), 'Patient');
      assertCanSee(ctx, patientId, 'Patient');
      ctx.audit.record({ action: 'read', entityType: 'InsurancePolicy', patientId });
      return (await policiesByPatient(ctx).load(patientId)) ?? [];
    },
  }),
  claims: t.field({
    type: [ClaimType],
    description: 'Claims on invoices of the caller’s facilities, newest first (at most 500). Billing staff only.',
    args: { status: t.arg({ type: ClaimStatusEnum }), invoiceId: t.arg.id() },
    resolve: (_r, args, ctx) => listClaims(ctx, { status: args.status, invoiceId: args.invoiceId ? String(args.invoiceId) : null }),
  }),
  claimSubmission: t.field({
    type: SubmissionType,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => readClaimSubmission(ctx, String(args.id)),
  }),
}));

builder.mutationFields((t) => ({
  createInsurancePolicy: t.field({
    type: PolicyType,
    args: { input: t.arg({ type: PolicyInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      createInsurancePolicy(ctx, { ...input, patientId: String(input.patientId), facilityId: input.facilityId ? String(input.facilityId) : null }),
  }),
  deactivateInsurancePolicy: t.field({
    type: PolicyType,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => deactivateInsurancePolicy(ctx, String(args.id)),
  }),
  createClaim: t.field({
    type: ClaimType,
    description: 'A draft claim for invoice lines (all unclaimed lines when none are named).',
    args: { invoiceId: t.arg.id({ required: true }), policyId: t.arg.id({ required: true }), invoiceLineIds: t.arg.idList() },
    resolve: (_r, args, ctx) =>
      createClaim(ctx, { invoiceId: String(args.invoiceId), policyId: String(args.policyId), invoiceLineIds: args.invoiceLineIds?.map(String) ?? null }),
  }),
  submitClaims: t.field({
    type: SubmissionType,
    args: { claimIds: t.arg.idList({ required: true }) },
    resolve: (_r, args, ctx) => submitClaims(ctx, args.claimIds.map(String)),
  }),
  adjudicateClaim: t.field({
    type: ClaimType,
    args: { input: t.arg({ type: AdjudicationInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      adjudicateClaim(ctx, {
        claimId: String(input.claimId),
        denialCode: input.denialCode,
        denialReason: input.denialReason,
        lines: input.lines?.map((l) => ({ ...l, claimLineId: String(l.claimLineId) })) ?? null,
      }),
  }),
  recordClaimPayment: t.field({
    type: PaymentType,
    args: { claimId: t.arg.id({ required: true }), amountMinor: t.arg.int({ required: true }), reference: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => recordClaimPayment(ctx, { claimId: String(args.claimId), amountMinor: args.amountMinor, reference: args.reference }),
  }),
}));
