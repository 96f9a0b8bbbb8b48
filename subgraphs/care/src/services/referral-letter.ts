import { type Context, localDate, renderHandout, requireCapability } from '@clinigraph/kit';
import { letterhead } from './letterhead.ts';
import { diagnosesByEncounter, type ReferralRow } from './loaders.ts';
import { type PdfFile, pdfFile } from './pdf.ts';
import { patientCard, peerEntities, providerCard } from './peers.ts';

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * The printable referral letter: from the referring clinician at the facility of the visit, to a
 * provider or a specialty, about the patient (name, MRN, date of birth), why and how urgently, with the
 * visit's diagnoses. Clinicians only, since it carries diagnoses.
 */
export async function referralLetter(ctx: Context, row: ReferralRow): Promise<PdfFile> {
  requireCapability(ctx, 'clinical.read');
  const [head, patient, from, [to], diagnoses] = await Promise.all([
    letterhead(ctx, { encounterId: row.encounterId }),
    patientCard(ctx, row.patientId),
    providerCard(ctx, row.fromProviderId),
    row.toProviderId
      ? peerEntities<{ displayName: string; specialty: string }>(ctx, 'people', 'Provider', [row.toProviderId], 'displayName specialty', 'Printing')
      : Promise.resolve([null]),
    diagnosesByEncounter(ctx).load(row.encounterId),
  ]);
  const bytes = await renderHandout({
    title: 'Referral letter',
    issuer: head.issuer,
    subject: { name: patient.displayName, mrn: patient.mrn, dateOfBirth: patient.dateOfBirth },
    facts: [
      ['To', to ? `${to.displayName}, ${to.specialty}` : `${row.toSpecialty ?? ''} (specialty or department)`],
      ['Urgency', capitalised(row.urgency)],
      ['Date', localDate(row.createdAt, head.timezone)],
    ],
    blocks: [
      { kind: 'heading', text: 'Reason for referral' },
      { kind: 'paragraph', text: row.reason },
      ...(diagnoses?.length
        ? [
            { kind: 'heading' as const, text: 'Diagnoses at this visit' },
            {
              kind: 'table' as const,
              columns: [
                { header: 'Code', width: 0.2 },
                { header: 'Diagnosis', width: 0.8 },
              ],
              rows: diagnoses.map((d) => [d.code, d.description]),
            },
          ]
        : []),
      { kind: 'signature', name: from.displayName, role: from.qualifications.join(', ') || undefined },
    ],
    footer: `Referral ${row.id} · issued electronically in Clinigraph; the clinic can confirm it by this id`,
  });
  ctx.audit.record({ action: 'export', entityType: 'Referral', entityId: row.id, patientId: row.patientId, detail: { format: 'pdf' } });
  return pdfFile(`referral-${row.id.slice(0, 8)}.pdf`, bytes);
}
