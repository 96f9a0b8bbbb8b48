import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CertificateInfo } from '../../features/certificates/queries.ts';
import { base64Of, captureDownloads } from '../../testing/downloads.ts';
import type { Handler } from '../../testing/fake-gateway.ts';
import { OKAFOR, WEBER } from '../../testing/fixtures.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { EncounterPaperwork } from './EncounterPaperwork.tsx';
import type { ReferralInfo } from './referral-queries.ts';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const templates = {
  certificateTemplates: [
    { template: 'SICK_LEAVE', title: 'Medical certificate: unfit for work' },
    { template: 'ATTENDANCE', title: 'Certificate of attendance' },
  ],
};

const issued: CertificateInfo = {
  id: 'cert-9',
  template: 'ATTENDANCE',
  title: 'Certificate of attendance',
  status: 'APPROVED',
  validFrom: '2026-11-24',
  validTo: '2026-11-24',
  patientReason: null,
  remarks: 'Seen this morning',
  declineReason: null,
  requestedAt: '2026-11-24T15:00:00.000Z',
  decidedAt: '2026-11-24T15:00:00.000Z',
  doctor: OKAFOR,
};

const referral = (status: ReferralInfo['status']): ReferralInfo => ({
  id: 'ref-1',
  status,
  reason: 'Persistent palpitations',
  urgency: 'urgent',
  toSpecialty: null,
  createdAt: '2026-11-24T15:10:00.000Z',
  updatedAt: '2026-11-24T15:10:00.000Z',
  toProvider: { ...WEBER, specialty: 'Cardiology' },
  fromProvider: OKAFOR,
});

const render = (handlers: Record<string, Handler>) =>
  renderComponent(() => <EncounterPaperwork encounterId="enc-1" patientId="pat-1" editable />, {
    account: accountWith(['DOCTOR'], { providerId: OKAFOR.id }),
    handlers: {
      CertificateTemplates: () => ({ data: templates }),
      PatientCertificates: () => ({ data: { patient: { id: 'pat-1', certificates: [] } } }),
      EncounterReferrals: () => ({ data: { encounter: { id: 'enc-1', referrals: [] } } }),
      ReferralProviders: () => ({
        data: {
          providers: [
            { ...OKAFOR, specialty: 'General Practice' },
            { ...WEBER, specialty: 'Cardiology' },
          ],
        },
      }),
      ...handlers,
    },
  });

describe('certificates from the encounter', () => {
  it('issues one from a template; the empty list shows it at once, and its PDF downloads', async () => {
    const saved = captureDownloads();
    let certificates: CertificateInfo[] = [];
    const view = render({
      PatientCertificates: () => ({ data: { patient: { id: 'pat-1', certificates } } }),
      IssueCertificate: () => {
        certificates = [issued];
        return { data: { issueCertificate: issued } };
      },
      CertificatePdf: (v) => ({
        data: { certificate: { id: v.id, pdf: { filename: 'certificate-cert-9.pdf', contentType: 'application/pdf', contentBase64: 'JVBERi0xLjc=' } } },
      }),
    });
    const form = await screen.findByRole('form', { name: 'Issue a certificate' });
    expect(await screen.findByText('No certificates yet.')).toBeTruthy();
    await waitFor(() => expect(within(form).getAllByRole('option')).toHaveLength(2));
    fireEvent.change(within(form).getByLabelText('Certificate'), { target: { value: 'ATTENDANCE' } });
    fireEvent.input(within(form).getByLabelText('Valid from'), { target: { value: '2026-11-24' } });
    fireEvent.input(within(form).getByLabelText('Valid to'), { target: { value: '2026-11-23' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Issue certificate' }));
    expect(await within(form).findByText('The last day cannot be before the first.')).toBeTruthy();
    expect(view.gateway.named('IssueCertificate')).toHaveLength(0);
    fireEvent.input(within(form).getByLabelText('Valid to'), { target: { value: '2026-11-24' } });
    fireEvent.input(within(form).getByLabelText('Remarks (optional)'), { target: { value: 'Seen this morning' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Issue certificate' }));
    expect(await within(form).findByText('Certificate issued: Certificate of attendance.')).toBeTruthy();
    expect(view.gateway.named('IssueCertificate')[0]?.variables).toEqual({
      patientId: 'pat-1',
      encounterId: 'enc-1',
      template: 'ATTENDANCE',
      validFrom: '2026-11-24',
      validTo: '2026-11-24',
      remarks: 'Seen this morning',
    });
    const list = await screen.findByRole('list', { name: 'Certificates' });
    expect(within(list).getByText('Remarks: Seen this morning')).toBeTruthy();
    fireEvent.click(within(list).getByRole('button', { name: 'Download PDF' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.filename).toBe('certificate-cert-9.pdf');
    expect(await base64Of(saved[0]!.blob)).toBe('JVBERi0xLjc=');
  });
});

describe('referrals from the encounter', () => {
  it('refers to a provider, prints the letter, then moves the referral on; each change shows without a reload', async () => {
    const saved = captureDownloads();
    let referrals: ReferralInfo[] = [];
    const view = render({
      EncounterReferrals: () => ({ data: { encounter: { id: 'enc-1', referrals } } }),
      CreateReferral: () => {
        referrals = [referral('SENT')];
        return { data: { createReferral: referrals[0] } };
      },
      SetReferralStatus: (v) => {
        referrals = [referral(v.status)];
        return { data: { setReferralStatus: referrals[0] } };
      },
      ReferralLetter: (v) => ({
        data: { referral: { id: v.id, letter: { filename: 'referral-ref-1.pdf', contentType: 'application/pdf', contentBase64: 'JVBERi0=' } } },
      }),
    });
    const form = await screen.findByRole('form', { name: 'Refer the patient' });
    expect(await screen.findByText('No referrals from this visit.')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Send referral' }));
    expect(await within(form).findByText('Choose a provider or name a specialty or department.')).toBeTruthy();
    expect(within(form).getByText('Give a reason of at least 3 characters.')).toBeTruthy();
    await waitFor(() => expect(within(form).getByRole('option', { name: 'Dr. Jonas Weber (Cardiology)' })).toBeTruthy());
    fireEvent.change(within(form).getByLabelText('To a provider'), { target: { value: WEBER.id } });
    fireEvent.input(within(form).getByLabelText('Reason for referral'), { target: { value: 'Persistent palpitations' } });
    fireEvent.change(within(form).getByLabelText('Urgency'), { target: { value: 'URGENT' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send referral' }));
    expect(await screen.findByText(/Urgent · Sent · Persistent palpitations/)).toBeTruthy();
    expect(view.gateway.named('CreateReferral')[0]?.variables).toEqual({
      encounterId: 'enc-1',
      toProviderId: WEBER.id,
      toSpecialty: null,
      reason: 'Persistent palpitations',
      urgency: 'URGENT',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Letter (PDF)' }));
    await waitFor(() => expect(saved.map((d) => d.filename)).toEqual(['referral-ref-1.pdf']));
    expect(view.gateway.named('ReferralLetter')[0]?.variables).toEqual({ id: 'ref-1' });
    fireEvent.click(screen.getByRole('button', { name: 'Mark accepted' }));
    expect(await screen.findByText(/Urgent · Accepted/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mark completed' }));
    expect(await screen.findByText(/Urgent · Completed/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel referral' })).toBeNull();
  });
});
