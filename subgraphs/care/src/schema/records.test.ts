import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeOf } from '@clinigraph/kit/testing';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareFixture, startCareFixture } from '../testing/fixture.ts';

const documentsDir = mkdtempSync(join(tmpdir(), 'care-docs-'));
process.env.CLINIGRAPH_DOCUMENTS_DIR = documentsDir;

let f: CareFixture;
let encounterId: string;
beforeAll(async () => {
  f = await startCareFixture();
  encounterId = await f.consultation(2);
});
afterAll(() => f?.close());

describe('medical certificates', () => {
  const REQUEST =
    'mutation($from: Date!, $to: Date!) { requestCertificate(template: SICK_LEAVE, validFrom: $from, validTo: $to, reason: "Flu, off work") { id status patient { id } } }';
  const DECIDE = 'mutation($id: ID!, $ok: Boolean!, $r: String) { decideCertificate(id: $id, approve: $ok, declineReason: $r) { status } }';
  const PDF = 'query($id: ID!) { certificate(id: $id) { title pdf { contentBase64 } } }';

  it('goes from the patient’s request to the doctor’s approval to a PDF the patient can download', async () => {
    const aisha = await f.patient(2);
    const { requestCertificate } = await aisha.data<{ requestCertificate: { id: string; status: string; patient: { id: string } } }>(REQUEST, {
      from: '2026-11-20',
      to: '2026-11-24',
    });
    expect(requestCertificate).toMatchObject({ status: 'REQUESTED', patient: { id: f.seed.patientIds[2] } });
    expect((await aisha.request(PDF, { id: requestCertificate.id })).errors[0]!.extensions!.rule).toBe('CERTIFICATE_NOT_APPROVED');
    expect(codeOf(await aisha.request(DECIDE, { id: requestCertificate.id, ok: true }))).toBe('FORBIDDEN');
    await f.doctor.data(DECIDE, { id: requestCertificate.id, ok: true });
    const { certificate } = await aisha.data<{ certificate: { title: string; pdf: { contentBase64: string } } }>(PDF, { id: requestCertificate.id });
    const pdf = await PDFDocument.load(Buffer.from(certificate.pdf.contentBase64, 'base64'));
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe(certificate.title);
    expect(codeOf(await (await f.patient(0)).request(PDF, { id: requestCertificate.id }))).toBe('NOT_FOUND');
  });

  it('refuses reversed dates and a decline without a reason', async () => {
    const aisha = await f.patient(2);
    expect(codeOf(await aisha.request(REQUEST, { from: '2026-11-24', to: '2026-11-20' }))).toBe('BAD_USER_INPUT');
    const { requestCertificate } = await aisha.data<{ requestCertificate: { id: string } }>(REQUEST, { from: '2026-11-24', to: '2026-11-25' });
    expect(codeOf(await f.doctor.request(DECIDE, { id: requestCertificate.id, ok: false }))).toBe('BAD_USER_INPUT');
    expect(
      (await f.doctor.data<{ decideCertificate: { status: string } }>(DECIDE, { id: requestCertificate.id, ok: false, r: 'Not seen for this' }))
        .decideCertificate.status,
    ).toBe('DECLINED');
  });
});

describe('dental chart (FDI)', () => {
  const FINDING =
    'mutation($e: ID!, $t: Int!, $s: [ToothSurface!]) { recordToothFinding(encounterId: $e, tooth: $t, surfaces: $s, finding: CARIES) { tooth surfaces } }';

  it.each([19, 10, 49, 56, 90, 9, 0, 111])('refuses tooth %i with BAD_USER_INPUT and writes nothing', async (tooth) => {
    const before = await f.count('care.dental_finding');
    expect(codeOf(await f.doctor.request(FINDING, { e: encounterId, t: tooth, s: ['O'] }))).toBe('BAD_USER_INPUT');
    expect(await f.count('care.dental_finding')).toBe(before);
  });

  it('charts permanent and primary teeth with findings and a treatment plan', async () => {
    await f.doctor.data(FINDING, { e: encounterId, t: 36, s: ['O', 'D'] });
    await f.doctor.data(FINDING, { e: encounterId, t: 85, s: ['O'] });
    await f.doctor.data('mutation($e: ID!) { addTreatmentPlanItem(encounterId: $e, tooth: 36, procedure: "Composite filling OD") { id } }', { e: encounterId });
    const { _entities } = await f.doctor.data<{ _entities: any[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { dentalChart { teeth { tooth primary latest { finding surfaces } } plan { tooth procedure status } } } } }',
      { r: [{ __typename: 'Patient', id: f.seed.patientIds[2] }] },
    );
    expect(_entities[0].dentalChart).toEqual({
      teeth: [
        { tooth: 36, primary: false, latest: { finding: 'CARIES', surfaces: ['O', 'D'] } },
        { tooth: 85, primary: true, latest: { finding: 'CARIES', surfaces: ['O'] } },
      ],
      plan: [{ tooth: 36, procedure: 'Composite filling OD', status: 'PLANNED' }],
    });
  });
});

describe('referrals', () => {
  it('refers to a specialty and moves through its states', async () => {
    const { createReferral } = await f.doctor.data<{ createReferral: { id: string; status: string } }>(
      'mutation($e: ID!) { createReferral(encounterId: $e, toSpecialty: "Orthodontics", reason: "Crowding of lower incisors") { id status } }',
      { e: encounterId },
    );
    expect(createReferral.status).toBe('SENT');
    const SET = 'mutation($id: ID!, $s: ReferralStatusChange!) { setReferralStatus(id: $id, status: $s) { status } }';
    expect((await f.doctor.request(SET, { id: createReferral.id, s: 'COMPLETED' })).errors[0]!.extensions!.rule).toBe('REFERRAL_WRONG_STATE');
    await f.receptionist.data(SET, { id: createReferral.id, s: 'ACCEPTED' });
    expect(codeOf(await f.doctor.request('mutation($e: ID!) { createReferral(encounterId: $e, reason: "Somewhere") { id } }', { e: encounterId }))).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('document uploads', () => {
  const UPLOAD =
    'mutation($p: ID!, $n: String!, $t: String!, $c: String!) { uploadDocument(patientId: $p, kind: CONSENT, title: "Consent form", filename: $n, contentType: $t, contentBase64: $c) { id filename contentType sizeBytes } }';
  const pdfBytes = async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('I consent.');
    return Buffer.from(await doc.save());
  };
  const upload = (name: string, type: string, bytes: Buffer) =>
    f.nurse.request(UPLOAD, { p: f.seed.patientIds[2], n: name, t: type, c: bytes.toString('base64') });

  it('stores a PDF under a random name and serves it back only as an attachment', async () => {
    const bytes = await pdfBytes();
    const result = await upload('../../etc/consent "signed".pdf', 'application/pdf', bytes);
    expect(codeOf(result)).toBeNull();
    const doc = result.data!.uploadDocument;
    expect(doc).toMatchObject({ filename: 'consent signed.pdf', contentType: 'application/pdf', sizeBytes: bytes.length });
    const stored = readdirSync(documentsDir);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(readFileSync(join(documentsDir, stored[0]!)).equals(bytes)).toBe(true);
    const { document } = await f.doctor.data<{ document: { content: { contentDisposition: string; contentType: string; contentBase64: string } } }>(
      'query($id: ID!) { document(id: $id) { content { contentDisposition contentType contentBase64 } } }',
      { id: doc.id },
    );
    expect(document.content.contentDisposition).toBe('attachment; filename="consent signed.pdf"');
    expect(Buffer.from(document.content.contentBase64, 'base64').equals(bytes)).toBe(true);
  });

  it.each([
    ['an HTML page', 'page.html', 'text/html', Buffer.from('<script>alert(1)</script>')],
    ['an SVG image', 'x.svg', 'image/svg+xml', Buffer.from('<svg onload="alert(1)"/>')],
    ['a script claiming to be a PDF', 'evil.pdf', 'application/pdf', Buffer.from('<html><script>alert(1)</script></html>')],
    ['a PNG claiming to be a JPEG', 'x.jpg', 'image/jpeg', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])],
    ['an oversized PDF', 'big.pdf', 'application/pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(600_000, 0x20)])],
  ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_what, name, type, bytes) => {
    const files = readdirSync(documentsDir).length;
    const rows = await f.count('care.document');
    const result = await upload(name, type, bytes);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(readdirSync(documentsDir)).toHaveLength(files);
    expect(await f.count('care.document')).toBe(rows);
  });

  it('is for clinicians only', async () => {
    expect(
      codeOf(await f.receptionist.request(UPLOAD, { p: f.seed.patientIds[2], n: 'a.pdf', t: 'application/pdf', c: (await pdfBytes()).toString('base64') })),
    ).toBe('FORBIDDEN');
  });
});
