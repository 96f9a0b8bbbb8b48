import {
  type Context,
  forbidden,
  invalidState,
  isUuid,
  localDate,
  notFound,
  parseInput,
  renderHandout,
  requireCapability,
  requireIdentity,
} from '@clinigraph/kit';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { certificate, certificateTemplateEnum, encounter } from '../db/schema.ts';
import { callerProviderId } from './access.ts';
import { filingFacility, optionalText, reasonText } from './filing.ts';
import { letterhead } from './letterhead.ts';
import type { CertificateRow } from './loaders.ts';
import { type PdfFile, pdfFile } from './pdf.ts';
import { patientCard, providerCard } from './peers.ts';
import { inFacilities } from './scope.ts';

/** A certificate a patient asks for goes to the facility of their latest visit (none before any visit: services/scope.ts). */
const latestVisitFacility = (patientId: string) =>
  sql`(select ${encounter.facilityId} from ${encounter} where ${encounter.patientId} = ${patientId} order by ${encounter.openedAt} desc limit 1)`;

type Template = CertificateRow['template'];

/** Certificate templates: a title and the statement the doctor signs, filled from the record. */
export const CERTIFICATE_TEMPLATES: Record<Template, { title: string; statement: (v: { patient: string; born: string; from: string; to: string }) => string }> =
  {
    sick_leave: {
      title: 'Medical certificate: unfit for work',
      statement: (v) => `This is to certify that ${v.patient} (born ${v.born}) is, in my opinion, unfit for work from ${v.from} to ${v.to} inclusive.`,
    },
    fitness_to_work: {
      title: 'Medical certificate: fit to work',
      statement: (v) => `This is to certify that ${v.patient} (born ${v.born}) is, in my opinion, fit to resume work from ${v.from}.`,
    },
    attendance: {
      title: 'Certificate of attendance',
      statement: (v) => `This is to certify that ${v.patient} (born ${v.born}) attended the clinic on ${v.from}${v.to !== v.from ? ` and until ${v.to}` : ''}.`,
    },
  };

const datesInput = {
  validFrom: z.iso.date(),
  validTo: z.iso.date(),
};
const ordered = (d: { validFrom: string; validTo: string }) => d.validTo >= d.validFrom && d.validTo <= addDays(d.validFrom, 90);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const orderMessage = { message: 'The last day must be on or after the first, and at most 90 days later', path: ['validTo'] };

const requestInput = z.object({ template: z.enum(certificateTemplateEnum.enumValues), ...datesInput, reason: reasonText(1000) }).refine(ordered, orderMessage);

/** A patient asks for a certificate for themselves (the patient comes from the token). */
export async function requestCertificate(ctx: Context, input: z.input<typeof requestInput>): Promise<CertificateRow> {
  const identity = requireIdentity(ctx);
  if (!identity.patientId) throw forbidden('Only a patient can request a certificate for themselves');
  const data = parseInput(requestInput, input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(certificate)
      .values({
        patientId: identity.patientId!,
        facilityId: latestVisitFacility(identity.patientId!),
        template: data.template,
        validFrom: data.validFrom,
        validTo: data.validTo,
        patientReason: data.reason,
        requestedBy: identity.userId,
      })
      .returning();
    await ctx.audit.write(tx, {
      action: 'create',
      entityType: 'Certificate',
      entityId: row!.id,
      patientId: row!.patientId,
      detail: { template: data.template },
    });
    return row!;
  });
}

const issueInput = z
  .object({
    patientId: z.uuid(),
    encounterId: z.uuid().nullish(),
    template: z.enum(certificateTemplateEnum.enumValues),
    ...datesInput,
    remarks: optionalText(2000),
  })
  .refine(ordered, orderMessage);

/** A doctor issues a certificate directly (already approved). */
export async function issueCertificate(ctx: Context, input: z.input<typeof issueInput>): Promise<CertificateRow> {
  const identity = requireCapability(ctx, 'certificate.issue');
  const data = parseInput(issueInput, input);
  const providerId = callerProviderId(identity);
  return ctx.db.transaction(async (tx) => {
    const facilityId = await filingFacility(ctx, tx, data.encounterId, data.patientId);
    const [row] = await tx
      .insert(certificate)
      .values({
        patientId: data.patientId,
        encounterId: data.encounterId ?? null,
        facilityId,
        template: data.template,
        status: 'approved',
        validFrom: data.validFrom,
        validTo: data.validTo,
        remarks: data.remarks ?? null,
        requestedBy: identity.userId,
        providerId,
        decidedBy: identity.userId,
        decidedAt: new Date(),
      })
      .returning();
    await ctx.audit.write(tx, {
      action: 'create',
      entityType: 'Certificate',
      entityId: row!.id,
      patientId: row!.patientId,
      detail: { template: data.template },
    });
    return row!;
  });
}

const decideInput = z
  .object({
    id: z.string(),
    approve: z.boolean(),
    remarks: optionalText(2000),
    declineReason: reasonText(1000).nullish(),
    validFrom: z.iso.date().nullish(),
    validTo: z.iso.date().nullish(),
  })
  .refine((d) => d.approve || !!d.declineReason, { message: 'Give a reason when declining', path: ['declineReason'] });

export async function decideCertificate(ctx: Context, input: z.input<typeof decideInput>): Promise<CertificateRow> {
  const identity = requireCapability(ctx, 'certificate.issue');
  const data = parseInput(decideInput, input);
  const providerId = callerProviderId(identity);
  return ctx.db.transaction(async (tx) => {
    const [current] = isUuid(data.id)
      ? await tx
          .select()
          .from(certificate)
          .where(and(eq(certificate.id, data.id), inFacilities(identity, certificate.facilityId, true)))
          .for('update')
      : [];
    if (!current) throw notFound('Certificate');
    if (current.status !== 'requested') throw invalidState(`The certificate was already ${current.status}`, { rule: 'CERTIFICATE_ALREADY_DECIDED' });
    const dates = { validFrom: data.validFrom ?? current.validFrom, validTo: data.validTo ?? current.validTo };
    parseInput(z.object(datesInput).refine(ordered, orderMessage), dates);
    const [row] = await tx
      .update(certificate)
      .set({
        ...dates,
        status: data.approve ? 'approved' : 'declined',
        remarks: data.remarks ?? current.remarks,
        declineReason: data.approve ? null : data.declineReason!,
        providerId,
        decidedBy: identity.userId,
        decidedAt: new Date(),
      })
      .where(eq(certificate.id, current.id))
      .returning();
    await ctx.audit.write(tx, {
      action: 'update',
      entityType: 'Certificate',
      entityId: current.id,
      patientId: current.patientId,
      detail: { status: row!.status },
    });
    return row!;
  });
}

export async function certificatePdf(ctx: Context, row: CertificateRow): Promise<PdfFile> {
  if (row.status !== 'approved' || !row.providerId) throw invalidState('Only an approved certificate can be printed', { rule: 'CERTIFICATE_NOT_APPROVED' });
  const [head, patient, doctor] = await Promise.all([
    letterhead(ctx, { encounterId: row.encounterId, providerId: row.providerId }),
    patientCard(ctx, row.patientId),
    providerCard(ctx, row.providerId),
  ]);
  const template = CERTIFICATE_TEMPLATES[row.template];
  const statement = template.statement({
    patient: patient.displayName,
    born: localDate(patient.dateOfBirth),
    from: localDate(row.validFrom),
    to: localDate(row.validTo),
  });
  const bytes = await renderHandout({
    title: template.title,
    issuer: head.issuer,
    subject: { name: patient.displayName, mrn: patient.mrn, dateOfBirth: patient.dateOfBirth },
    facts: [['Issued', row.decidedAt ? localDate(row.decidedAt, head.timezone) : '']],
    blocks: [
      { kind: 'paragraph', text: statement },
      ...(row.remarks
        ? [
            { kind: 'heading' as const, text: 'Remarks' },
            { kind: 'paragraph' as const, text: row.remarks },
          ]
        : []),
      { kind: 'signature', name: doctor.displayName, role: doctor.qualifications.join(', ') || undefined },
    ],
    footer: `Certificate ${row.id} · issued electronically in Clinigraph; the clinic can confirm it by this id`,
  });
  ctx.audit.record({ action: 'export', entityType: 'Certificate', entityId: row.id, patientId: row.patientId, detail: { format: 'pdf' } });
  return pdfFile(`certificate-${row.id.slice(0, 8)}.pdf`, bytes);
}

/**
 * Patient requests waiting for a decision, oldest first: those of the caller's facilities, and those of
 * no facility (a patient with no visit yet), which any doctor may take.
 */
export async function pendingCertificateRequests(ctx: Context): Promise<CertificateRow[]> {
  const identity = requireCapability(ctx, 'certificate.issue');
  const rows = await ctx.db
    .select()
    .from(certificate)
    .where(and(eq(certificate.status, 'requested'), inFacilities(identity, certificate.facilityId, true)))
    .orderBy(asc(certificate.requestedAt))
    .limit(200);
  for (const r of rows) ctx.audit.record({ action: 'read', entityType: 'Certificate', entityId: r.id, patientId: r.patientId });
  return rows;
}
