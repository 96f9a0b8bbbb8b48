import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeOf } from '@clinigraph/kit/testing';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareFixture, startCareFixture } from '../testing/fixture.ts';

process.env.CLINIGRAPH_DOCUMENTS_DIR = mkdtempSync(join(tmpdir(), 'care-paperwork-'));

let f: CareFixture;
let aishaEncounter: string;
beforeAll(async () => {
  f = await startCareFixture();
  aishaEncounter = await f.consultation(2);
});
afterAll(() => f?.close());

const issuesOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  (result.errors?.[0]?.extensions?.issues as { path: string; message: string }[] | undefined) ?? [];

describe('issuing a certificate from an encounter', () => {
  const ISSUE =
    'mutation($p: ID!, $e: ID) { issueCertificate(patientId: $p, encounterId: $e, template: ATTENDANCE, validFrom: "2026-11-24", validTo: "2026-11-24") { id } }';

  it.each([
    ['an encounter that does not exist', () => randomUUID()],
    ['another patient’s encounter', () => aishaEncounter],
  ])('refuses %s on the encounter field and writes nothing', async (_what, encounter) => {
    const before = await f.count('care.certificate');
    const result = await f.doctor.request(ISSUE, { p: f.seed.patientIds[0], e: encounter() });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(issuesOf(result)).toEqual([{ path: 'encounterId', message: 'This encounter is not this patient’s' }]);
    expect(await f.count('care.certificate')).toBe(before);
  });

  it('issues for the encounter’s own patient', async () => {
    expect(codeOf(await f.doctor.request(ISSUE, { p: f.seed.patientIds[2], e: aishaEncounter }))).toBeNull();
  });
});

describe('validation messages a person can act on', () => {
  it('says what is wrong with a too-short reason or decline reason, on the field', async () => {
    const aisha = await f.patient(2);
    const request = await aisha.request(
      'mutation { requestCertificate(template: SICK_LEAVE, validFrom: "2026-11-24", validTo: "2026-11-25", reason: "x") { id } }',
    );
    expect(issuesOf(request)).toEqual([{ path: 'reason', message: 'Give a reason of at least 3 characters' }]);
    const reversed = await aisha.request(
      'mutation { requestCertificate(template: SICK_LEAVE, validFrom: "2026-11-25", validTo: "2026-11-24", reason: "Flu") { id } }',
    );
    expect(issuesOf(reversed)).toEqual([{ path: 'validTo', message: 'The last day must be on or after the first, and at most 90 days later' }]);
    const referral = await f.doctor.request('mutation($e: ID!) { createReferral(encounterId: $e, toSpecialty: "Cardiology", reason: "x") { id } }', {
      e: aishaEncounter,
    });
    expect(issuesOf(referral)).toEqual([{ path: 'reason', message: 'Give a reason of at least 3 characters' }]);
  });
});

describe('a patient’s own documents', () => {
  const UPLOAD =
    'mutation($p: ID!, $e: ID, $c: String!) { uploadDocument(patientId: $p, encounterId: $e, kind: REPORT, title: "Discharge letter", filename: "letter.pdf", contentType: "application/pdf", contentBase64: $c) { id } }';
  const pdf = async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Discharge letter');
    return Buffer.from(await doc.save()).toString('base64');
  };

  it('refuses an encounter of another patient and writes nothing', async () => {
    const before = await f.count('care.document');
    const result = await f.doctor.request(UPLOAD, { p: f.seed.patientIds[0], e: aishaEncounter, c: await pdf() });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(issuesOf(result)).toEqual([{ path: 'encounterId', message: 'This encounter is not this patient’s' }]);
    expect(await f.count('care.document')).toBe(before);
  });

  it('lets the patient list and download their own, and no one else’s', async () => {
    const content = await pdf();
    const { uploadDocument } = await f.doctor.data<{ uploadDocument: { id: string } }>(UPLOAD, { p: f.seed.patientIds[2], e: aishaEncounter, c: content });
    const aisha = await f.patient(2);
    const { _entities } = await aisha.data<{ _entities: { documents: { id: string; title: string }[] }[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { documents { id title } } } }',
      { r: [{ __typename: 'Patient', id: f.seed.patientIds[2] }] },
    );
    expect(_entities[0]!.documents).toContainEqual({ id: uploadDocument.id, title: 'Discharge letter' });
    const READ = 'query($id: ID!) { document(id: $id) { content { contentBase64 } } }';
    const { document } = await aisha.data<{ document: { content: { contentBase64: string } } }>(READ, { id: uploadDocument.id });
    expect(document.content.contentBase64).toBe(content);
    expect(codeOf(await (await f.patient(0)).request(READ, { id: uploadDocument.id }))).toBe('NOT_FOUND');
  });
});

describe('the referral letter', () => {
  const LETTER = 'query($id: ID!) { referral(id: $id) { id letter { filename contentType contentBase64 } } }';

  it('prints the patient, the recipient, the reason and the visit’s diagnoses, for clinicians only', async () => {
    await f.doctor.data('mutation($e: ID!) { addDiagnosis(encounterId: $e, code: "R00.2", kind: PRIMARY) { id } }', { e: aishaEncounter });
    const { createReferral } = await f.doctor.data<{ createReferral: { id: string } }>(
      'mutation($e: ID!) { createReferral(encounterId: $e, toSpecialty: "Cardiology", reason: "Palpitations on exertion for three weeks", urgency: URGENT) { id } }',
      { e: aishaEncounter },
    );
    const { referral } = await f.doctor.data<{ referral: { letter: { filename: string; contentType: string; contentBase64: string } } }>(LETTER, {
      id: createReferral.id,
    });
    expect(referral.letter).toMatchObject({ filename: `referral-${createReferral.id.slice(0, 8)}.pdf`, contentType: 'application/pdf' });
    const bytes = Buffer.from(referral.letter.contentBase64, 'base64');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toBe('Referral letter');
    expect(await f.count('audit.event', "action = 'export' and entity_type = 'Referral' and entity_id = $1", [createReferral.id])).toBe(1);
    expect(codeOf(await f.receptionist.request(LETTER, { id: createReferral.id }))).toBe('FORBIDDEN');
    expect(codeOf(await (await f.patient(2)).request('query($id: ID!) { referral(id: $id) { id } }', { id: createReferral.id }))).toBe('FORBIDDEN');
    expect(codeOf(await (await f.patient(0)).request('query($id: ID!) { referral(id: $id) { id } }', { id: createReferral.id }))).toBe('NOT_FOUND');
  });
});
