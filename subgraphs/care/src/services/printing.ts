import { type Context, invalidState } from '@clinigraph/kit';
import { itemsByPrescription, type PrescriptionRow } from './loaders.ts';
import { type PdfFile, pdfFile, renderPdf } from './pdf.ts';
import { patientCard, providerCard } from './peers.ts';

const CLINIC = process.env.CLINIGRAPH_CLINIC_NAME ?? 'Clinigraph clinic';

const route = (r: string) => r.replace('_', ' ');

/** The printable prescription: patient, prescriber, each medicine with its directions, validity. */
export async function prescriptionPdf(ctx: Context, rx: PrescriptionRow): Promise<PdfFile> {
  if (rx.status === 'draft' || rx.status === 'cancelled') {
    throw invalidState(`A ${rx.status} prescription cannot be printed`, { rule: 'PRESCRIPTION_NOT_PRINTABLE' });
  }
  const [patient, prescriber, items] = await Promise.all([
    patientCard(ctx, rx.patientId),
    providerCard(ctx, rx.prescriberId),
    itemsByPrescription(ctx).load(rx.id),
  ]);
  const bytes = await renderPdf(
    'Prescription',
    `${CLINIC}  ·  Prescription ${rx.id}`,
    [
      { heading: 'Patient', lines: [`${patient.displayName}  ·  born ${patient.dateOfBirth}  ·  MRN ${patient.mrn}`] },
      {
        heading: 'Medicines',
        lines: (items ?? []).flatMap((i, n) => [
          `${n + 1}. ${i.medicineName}${i.strength ? ` (${i.strength})` : ''}  —  generic: ${i.genericName}`,
          `    ${i.dose}, ${route(i.route)}, ${i.frequency}, for ${i.durationDays} day(s). Quantity: ${i.quantity}. Refills: ${i.refills}.`,
          ...(i.instructions ? [`    ${i.instructions}`] : []),
        ]),
      },
      ...(rx.notes ? [{ heading: 'Notes', lines: [rx.notes] }] : []),
      {
        heading: 'Prescriber',
        lines: [
          `${prescriber.displayName}${prescriber.qualifications.length ? `, ${prescriber.qualifications.join(', ')}` : ''}`,
          `Finalised ${rx.finalisedAt?.toISOString().slice(0, 10) ?? ''}  ·  valid until ${rx.validUntil}`,
        ],
      },
    ],
    'Electronically finalised in Clinigraph. Check the prescription id with the clinic if in doubt.',
  );
  ctx.audit.record({ action: 'export', entityType: 'Prescription', entityId: rx.id, patientId: rx.patientId, detail: { format: 'pdf' } });
  return pdfFile(`prescription-${rx.id.slice(0, 8)}.pdf`, bytes);
}
