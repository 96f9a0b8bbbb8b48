import { codeOf, pdfText } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareFixture, startCareFixture } from '../testing/fixture.ts';

const RECORD = 'query($p: ID!) { patientRecordPdf(patientId: $p) { filename contentType contentBase64 } }';

let f: CareFixture;
let maria: string;
let mrn: string;
let text: string;
beforeAll(async () => {
  f = await startCareFixture();
  maria = f.seed.patientIds[0]!;
  [{ mrn }] = (await f.db.database.query<{ mrn: string }>('select mrn from people.patient where id = $1', [maria])) as [{ mrn: string }];
  const visit = await f.consultation(0);
  // 03:30 UTC on 10 March is still the evening of 9 March at the facility (America/New_York).
  await f.db.database.query("update care.encounter set opened_at = '2026-03-10T03:30:00Z' where id = $1", [visit]);
  await f.doctor.data('mutation($e: ID!) { addDiagnosis(encounterId: $e, code: "R05.9", kind: PRIMARY) { id } }', { e: visit });
  await f.nurse.data('mutation($i: RecordVitalsInput!) { recordVitals(input: $i) { id } }', { i: { encounterId: visit, systolic: 128, diastolic: 82 } });
  await f.releasedLabOrder(visit, 'CRP', 3);
  await f.releasedLabOrder(visit, 'CRP', 48);
  const { patientRecordPdf } = await (await f.patient(0)).data<{ patientRecordPdf: { filename: string; contentType: string; contentBase64: string } }>(RECORD, {
    p: maria,
  });
  expect(patientRecordPdf).toMatchObject({ filename: `health-record-${mrn}.pdf`, contentType: 'application/pdf' });
  text = (await pdfText(patientRecordPdf.contentBase64)).join('\n');
});
afterAll(() => f?.close());

describe('a patient’s own record as a PDF', () => {
  it('names the patient with MRN and date of birth, and lists allergies, diagnoses and vital signs', () => {
    expect(text).toContain('Health record');
    expect(text).toContain('Maria Garcia');
    expect(text).toContain(mrn);
    expect(text).toContain('14 Mar 1985');
    expect(text).toMatch(/Penicillin/i);
    expect(text).toContain('R05.9');
    expect(text).toContain('BP 128/82 mmHg');
  });

  it('dates a visit in the facility’s time zone, not the server’s', () => {
    expect(text).toContain('9 Mar 2026');
    expect(text).not.toContain('10 Mar 2026');
  });

  it('holds the lab results released to the patient and not an abnormal one the doctor has not seen yet', () => {
    expect(text).toContain('3 mg/L');
    expect(text).not.toContain('48 mg/L');
  });

  it('is exported once to the audit trail per download', async () => {
    expect(await f.count('audit.event', "action = 'export' and entity_type = 'Patient' and patient_id = $1", [maria])).toBe(1);
  });

  it('is NOT_FOUND for another patient, FORBIDDEN for staff who do not read clinical records, and open to a doctor', async () => {
    expect(codeOf(await (await f.patient(1)).request(RECORD, { p: maria }))).toBe('NOT_FOUND');
    expect(codeOf(await (await f.patient(1)).request(RECORD, { p: 'not-an-id' }))).toBe('NOT_FOUND');
    expect(codeOf(await f.receptionist.request(RECORD, { p: maria }))).toBe('FORBIDDEN');
    expect(codeOf(await f.doctor.request(RECORD, { p: maria }))).toBeNull();
  });
});
