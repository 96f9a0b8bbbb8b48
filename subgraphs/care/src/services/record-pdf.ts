import { type Block, type Context, localDate, localDateTime, notFound, renderHandout } from '@clinigraph/kit';
import { letterhead } from './letterhead.ts';
import { type PdfFile, pdfFile } from './pdf.ts';
import { peerEntities } from './peers.ts';
import { assertWholeRecordRead } from './record-access.ts';
import { type RecordContents, type ReleasedResult, recordContents } from './record-contents.ts';

interface RecordPatient {
  displayName: string;
  dateOfBirth: string;
  mrn: string;
  chronicConditions: string[];
  allergies: { substance: string; severity: string; reaction: string | null }[];
}

const words = (value: string) => value.toLowerCase().replace(/_/g, ' ');
const orNone = (rows: string[][], width: number) => (rows.length ? rows : [['None recorded', ...Array(width - 1).fill('')]]);

const vitalsLine = (v: RecordContents['vitals'][number]) =>
  [
    v.systolic && v.diastolic ? `BP ${v.systolic}/${v.diastolic} mmHg` : null,
    v.pulse ? `pulse ${v.pulse}/min` : null,
    v.temperatureC ? `${v.temperatureC} °C` : null,
    v.spo2 ? `SpO2 ${v.spo2}%` : null,
    v.weightKg ? `${v.weightKg} kg` : null,
    v.bmi ? `BMI ${v.bmi}` : null,
  ]
    .filter(Boolean)
    .join(', ');

const resultValue = ({ item, result }: ReleasedResult) => `${result.valueNumeric ?? result.valueText ?? ''}${item.unit ? ` ${item.unit}` : ''}`;
const referenceRange = ({ item }: ReleasedResult) => (item.refLow !== null && item.refHigh !== null ? `${item.refLow}–${item.refHigh}` : '');

function sections(patient: RecordPatient, c: RecordContents, zone: string): Block[] {
  const table = (heading: string, columns: [string, number][], rows: string[][]): Block[] => [
    { kind: 'heading', text: heading },
    { kind: 'table', columns: columns.map(([header, width]) => ({ header, width })), rows: orNone(rows, columns.length) },
  ];
  return [
    ...table(
      'Conditions',
      [['Condition', 1]],
      patient.chronicConditions.map((condition) => [condition]),
    ),
    ...table(
      'Allergies',
      [
        ['Substance', 0.4],
        ['Severity', 0.2],
        ['Reaction', 0.4],
      ],
      patient.allergies.map((a) => [a.substance, words(a.severity), a.reaction ?? '']),
    ),
    ...table(
      'Current medicines',
      [
        ['Medicine', 0.4],
        ['Directions', 0.4],
        ['Valid until', 0.2],
      ],
      c.medicines.map(({ prescription, item }) => [
        `${item.medicineName}${item.strength ? ` (${item.strength})` : ''}`,
        `${item.dose}, ${words(item.route)}, ${item.frequency}`,
        localDate(prescription.validUntil),
      ]),
    ),
    ...table(
      'Recent vital signs',
      [
        ['Recorded', 0.3],
        ['Measurements', 0.7],
      ],
      c.vitals.map((v) => [localDateTime(v.recordedAt, zone), vitalsLine(v)]),
    ),
    ...table(
      'Diagnoses',
      [
        ['Date', 0.2],
        ['Code', 0.15],
        ['Diagnosis', 0.65],
      ],
      c.diagnoses.map((d) => [localDate(d.recordedAt, zone), d.code, d.description]),
    ),
    ...table(
      'Visits',
      [
        ['Date', 0.25],
        ['Reason', 0.55],
        ['Status', 0.2],
      ],
      c.visits.map((e) => [localDate(e.openedAt, zone), e.chiefComplaint ?? '', words(e.status)]),
    ),
    ...table(
      'Lab results',
      [
        ['Date', 0.18],
        ['Test', 0.34],
        ['Result', 0.2],
        ['Reference', 0.16],
        ['Flag', 0.12],
      ],
      c.results.map((r) => [
        localDate(r.order.releasedAt ?? r.result.enteredAt, zone),
        r.item.testName,
        resultValue(r),
        referenceRange(r),
        words(r.result.flag),
      ]),
    ),
  ];
}

/**
 * The patient's own record as a handout (issue 11, right of access): who they are (from people, read as
 * the caller), their conditions and allergies, current medicines, recent vital signs, diagnoses, visits
 * and the lab results released to them, with dates in the zone of the facility of their latest visit.
 * The patient themselves or staff who read clinical records; exported once to the audit trail.
 */
export async function patientRecordPdf(ctx: Context, patientId: string): Promise<PdfFile> {
  assertWholeRecordRead(ctx, patientId);
  const [patient] = await peerEntities<RecordPatient>(
    ctx,
    'people',
    'Patient',
    [patientId],
    'displayName dateOfBirth mrn chronicConditions allergies { substance severity reaction }',
    'Printing',
  );
  if (!patient) throw notFound('Patient');
  const contents = await recordContents(ctx, patientId);
  const head = await letterhead(ctx, { encounterId: contents.visits[0]?.id });
  const generatedAt = new Date();
  const bytes = await renderHandout({
    title: 'Health record',
    issuer: head.issuer,
    subject: { name: patient.displayName, mrn: patient.mrn, dateOfBirth: patient.dateOfBirth },
    facts: [['Generated', localDateTime(generatedAt, head.timezone)]],
    blocks: sections(patient, contents, head.timezone),
    footer: `${head.issuer.name} · Health record of ${patient.mrn} · generated by Clinigraph; results appear once released to the patient`,
  });
  ctx.audit.record({ action: 'export', entityType: 'Patient', entityId: patientId, patientId, detail: { format: 'pdf', document: 'record' } });
  return pdfFile(`health-record-${patient.mrn}.pdf`, bytes);
}
