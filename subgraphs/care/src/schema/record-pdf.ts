import { builder } from '../builder.ts';
import { patientRecordPdf } from '../services/record-pdf.ts';
import { PdfFileRef } from './refs.ts';

builder.queryFields((t) => ({
  patientRecordPdf: t.field({
    type: PdfFileRef,
    description:
      'A patient’s record as one PDF to keep or take to another clinic: conditions, allergies, current medicines, recent vital signs, diagnoses, visits and the lab results released to the patient. The patient themselves, or staff who read clinical records.',
    args: { patientId: t.arg.id({ required: true }) },
    resolve: (_r, { patientId }, ctx) => patientRecordPdf(ctx, String(patientId)),
  }),
}));
