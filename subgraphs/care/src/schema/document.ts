import { builder } from '../builder.ts';
import { documentKindEnum } from '../db/schema.ts';
import { type DocumentContent, documentContent, uploadDocument } from '../services/documents.ts';
import { type DocumentRow, documentsByPatient } from '../services/loaders.ts';
import { readDocument, readList } from '../services/reads.ts';
import { dbEnum, Patient } from './refs.ts';

const DocumentKind = dbEnum('DocumentKind', documentKindEnum.enumValues);

const ContentRef = builder.objectRef<DocumentContent>('DocumentContent').implement({
  description: 'The file, base64-encoded. Save it as an attachment (contentDisposition); never render it inline.',
  fields: (t) => ({
    filename: t.exposeString('filename'),
    contentType: t.exposeString('contentType'),
    contentDisposition: t.exposeString('contentDisposition'),
    contentBase64: t.exposeString('contentBase64'),
  }),
});

const DocumentRef = builder.objectRef<DocumentRow>('Document').implement({
  description: 'An uploaded report, consent form or image (PDF, PNG or JPEG). Clinicians, and the patient for their own.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: DocumentKind }),
    title: t.exposeString('title'),
    filename: t.exposeString('filename'),
    contentType: t.exposeString('contentType'),
    sizeBytes: t.exposeInt('sizeBytes'),
    sha256: t.exposeString('sha256'),
    uploadedAt: t.expose('uploadedAt', { type: 'DateTime' }),
    encounterId: t.exposeID('encounterId', { nullable: true }),
    patient: t.field({ type: Patient, resolve: (d) => ({ id: d.patientId }) }),
    content: t.field({ type: ContentRef, resolve: (d, _a, ctx) => documentContent(ctx, d) }),
  }),
});

builder.objectFields(Patient, (t) => ({
  documents: t.field({
    type: [DocumentRef],
    resolve: async (p, _a, ctx) => readList(ctx, 'documents', p.id, 'Document', (await documentsByPatient(ctx).load(p.id)) ?? []),
  }),
}));

builder.queryFields((t) => ({
  document: t.field({ type: DocumentRef, args: { id: t.arg.id({ required: true }) }, resolve: (_r, { id }, ctx) => readDocument(ctx, String(id)) }),
}));

builder.mutationFields((t) => ({
  uploadDocument: t.field({
    type: DocumentRef,
    description: 'Doctors and nurses. PDF, PNG or JPEG only (checked by content), at most CLINIGRAPH_DOCUMENT_MAX_BYTES (512 KiB by default).',
    args: {
      patientId: t.arg.id({ required: true }),
      encounterId: t.arg.id(),
      kind: t.arg({ type: DocumentKind, required: true }),
      title: t.arg.string({ required: true }),
      filename: t.arg.string({ required: true }),
      contentType: t.arg.string({ required: true }),
      contentBase64: t.arg.string({ required: true }),
    },
    resolve: (_r, args, ctx) =>
      uploadDocument(ctx, { ...args, patientId: String(args.patientId), encounterId: args.encounterId ? String(args.encounterId) : null }),
  }),
}));
