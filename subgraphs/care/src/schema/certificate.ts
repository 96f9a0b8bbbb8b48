import { requireIdentity } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { certificateStatusEnum, certificateTemplateEnum } from '../db/schema.ts';
import {
  CERTIFICATE_TEMPLATES,
  certificatePdf,
  decideCertificate,
  issueCertificate,
  pendingCertificateRequests,
  requestCertificate,
} from '../services/certificates.ts';
import { type CertificateRow, certificatesByPatient } from '../services/loaders.ts';
import { readCertificate, readList } from '../services/reads.ts';
import { dbEnum, Patient, PdfFileRef, Provider } from './refs.ts';

const CertificateTemplate = dbEnum('CertificateTemplate', certificateTemplateEnum.enumValues);
const CertificateStatus = dbEnum('CertificateStatus', certificateStatusEnum.enumValues);

export const CertificateRef = builder.objectRef<CertificateRow>('Certificate').implement({
  description: 'A medical certificate: requested by the patient (or issued by a doctor), approved or declined, printable once approved.',
  fields: (t) => ({
    id: t.exposeID('id'),
    template: t.expose('template', { type: CertificateTemplate }),
    title: t.string({ resolve: (c) => CERTIFICATE_TEMPLATES[c.template].title }),
    status: t.expose('status', { type: CertificateStatus }),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validTo: t.expose('validTo', { type: 'Date' }),
    patientReason: t.exposeString('patientReason', { nullable: true }),
    remarks: t.exposeString('remarks', { nullable: true }),
    declineReason: t.exposeString('declineReason', { nullable: true }),
    requestedAt: t.expose('requestedAt', { type: 'DateTime' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    patient: t.field({ type: Patient, resolve: (c) => ({ id: c.patientId }) }),
    doctor: t.field({ type: Provider, nullable: true, resolve: (c) => (c.providerId ? { id: c.providerId } : null) }),
    pdf: t.field({ type: PdfFileRef, description: 'Approved certificates only.', resolve: (c, _a, ctx) => certificatePdf(ctx, c) }),
  }),
});

builder.asEntity(CertificateRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => readCertificate(ctx, id),
});

const TemplateRef = builder.objectRef<{ template: CertificateRow['template']; title: string }>('CertificateTemplateDefinition').implement({
  fields: (t) => ({ template: t.expose('template', { type: CertificateTemplate }), title: t.exposeString('title') }),
});

builder.objectFields(Patient, (t) => ({
  certificates: t.field({
    type: [CertificateRef],
    resolve: async (p, _a, ctx) => readList(ctx, 'certificates', p.id, 'Certificate', (await certificatesByPatient(ctx).load(p.id)) ?? []),
  }),
}));

builder.queryFields((t) => ({
  certificate: t.field({ type: CertificateRef, args: { id: t.arg.id({ required: true }) }, resolve: (_r, { id }, ctx) => readCertificate(ctx, String(id)) }),
  certificateTemplates: t.field({
    type: [TemplateRef],
    resolve: (_r, _a, ctx) => {
      requireIdentity(ctx);
      return Object.entries(CERTIFICATE_TEMPLATES).map(([template, d]) => ({ template: template as CertificateRow['template'], title: d.title }));
    },
  }),
  pendingCertificateRequests: t.field({
    type: [CertificateRef],
    description: 'Doctors: patient requests waiting for a decision, oldest first.',
    resolve: (_r, _a, ctx) => pendingCertificateRequests(ctx),
  }),
}));

builder.mutationFields((t) => ({
  requestCertificate: t.field({
    type: CertificateRef,
    description: 'Patients: request a certificate for yourself.',
    args: {
      template: t.arg({ type: CertificateTemplate, required: true }),
      validFrom: t.arg({ type: 'Date', required: true }),
      validTo: t.arg({ type: 'Date', required: true }),
      reason: t.arg.string({ required: true }),
    },
    resolve: (_r, args, ctx) => requestCertificate(ctx, args),
  }),
  issueCertificate: t.field({
    type: CertificateRef,
    description: 'Doctors: issue an approved certificate directly.',
    args: {
      patientId: t.arg.id({ required: true }),
      encounterId: t.arg.id(),
      template: t.arg({ type: CertificateTemplate, required: true }),
      validFrom: t.arg({ type: 'Date', required: true }),
      validTo: t.arg({ type: 'Date', required: true }),
      remarks: t.arg.string(),
    },
    resolve: (_r, args, ctx) =>
      issueCertificate(ctx, { ...args, patientId: String(args.patientId), encounterId: args.encounterId ? String(args.encounterId) : null }),
  }),
  decideCertificate: t.field({
    type: CertificateRef,
    args: {
      id: t.arg.id({ required: true }),
      approve: t.arg.boolean({ required: true }),
      remarks: t.arg.string(),
      declineReason: t.arg.string(),
      validFrom: t.arg({ type: 'Date' }),
      validTo: t.arg({ type: 'Date' }),
    },
    resolve: (_r, args, ctx) => decideCertificate(ctx, { ...args, id: String(args.id) }),
  }),
}));
