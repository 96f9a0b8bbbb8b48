import { type Context, invalidState, localDate, localDateTime, renderHandout } from '@clinigraph/kit';
import { letterhead } from './letterhead.ts';
import { itemsByPrescription, type PrescriptionRow } from './loaders.ts';
import { type PdfFile, pdfFile } from './pdf.ts';
import { patientCard, providerCard } from './peers.ts';

const route = (r: string) => r.replace('_', ' ');

/** The printable prescription: the facility's letterhead, the patient, each medicine with its directions, the prescriber, validity. */
export async function prescriptionPdf(ctx: Context, rx: PrescriptionRow): Promise<PdfFile> {
  if (rx.status === 'draft' || rx.status === 'cancelled') {
    throw invalidState(`A ${rx.status} prescription cannot be printed`, { rule: 'PRESCRIPTION_NOT_PRINTABLE' });
  }
  const [patient, prescriber, items, head] = await Promise.all([
    patientCard(ctx, rx.patientId),
    providerCard(ctx, rx.prescriberId),
    itemsByPrescription(ctx).load(rx.id),
    letterhead(ctx, { encounterId: rx.encounterId, providerId: rx.prescriberId }),
  ]);
  const number = rx.id.slice(0, 8).toUpperCase();
  const bytes = await renderHandout({
    title: 'Prescription',
    issuer: head.issuer,
    subject: { name: patient.displayName, mrn: patient.mrn, dateOfBirth: patient.dateOfBirth },
    facts: [
      ['Prescription', number],
      ['Finalised', rx.finalisedAt ? localDateTime(rx.finalisedAt, head.timezone) : ''],
      ['Valid until', localDate(rx.validUntil)],
    ],
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: 'Medicine', width: 0.34 },
          { header: 'Directions', width: 0.46 },
          { header: 'Quantity', width: 0.1, align: 'right' },
          { header: 'Refills', width: 0.1, align: 'right' },
        ],
        rows: (items ?? []).map((i) => [
          `${i.medicineName}${i.strength ? ` (${i.strength})` : ''} — generic: ${i.genericName}`,
          `${i.dose}, ${route(i.route)}, ${i.frequency}, for ${i.durationDays} day(s)${i.instructions ? `. ${i.instructions}` : ''}`,
          String(i.quantity),
          String(i.refills),
        ]),
      },
      ...(rx.notes ? [{ kind: 'paragraph' as const, text: `Notes: ${rx.notes}` }] : []),
      {
        kind: 'signature',
        name: prescriber.displayName,
        role: prescriber.qualifications.length ? prescriber.qualifications.join(', ') : undefined,
      },
    ],
    footer: `${head.issuer.name} · Prescription ${number} · electronically finalised in Clinigraph; check it with the clinic if in doubt`,
  });
  ctx.audit.record({ action: 'export', entityType: 'Prescription', entityId: rx.id, patientId: rx.patientId, detail: { format: 'pdf' } });
  return pdfFile(`prescription-${number.toLowerCase()}.pdf`, bytes);
}
