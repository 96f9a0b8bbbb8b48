import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CertificateInfo } from '../../features/certificates/queries.ts';
import { captureDownloads } from '../../testing/downloads.ts';
import { apiError } from '../../testing/fake-gateway.ts';
import { OKAFOR } from '../../testing/fixtures.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const patient = accountWith(['PATIENT'], { patientId: 'pat-1', facilities: [] });
const templates = { certificateTemplates: [{ template: 'SICK_LEAVE', title: 'Medical certificate: unfit for work' }] };
const certificate = (overrides: Partial<CertificateInfo>): CertificateInfo => ({
  id: 'cert-1',
  template: 'SICK_LEAVE',
  title: 'Medical certificate: unfit for work',
  status: 'REQUESTED',
  validFrom: '2026-11-23',
  validTo: '2026-11-25',
  patientReason: 'Flu, off work',
  remarks: null,
  declineReason: null,
  requestedAt: '2026-11-23T14:00:00.000Z',
  decidedAt: null,
  doctor: null,
  ...overrides,
});

describe('my certificates', () => {
  it('requests one; the empty list shows it at once as waiting', async () => {
    let certificates: CertificateInfo[] = [];
    const app = renderApp({
      path: '/portal/certificates',
      account: patient,
      handlers: {
        CertificateTemplates: () => ({ data: templates }),
        MyCertificates: () => ({ data: { patient: { id: 'pat-1', certificates } } }),
        RequestCertificate: (v) => {
          certificates = [certificate({ validFrom: v.validFrom, validTo: v.validTo, patientReason: v.reason })];
          return { data: { requestCertificate: certificates[0] } };
        },
      },
    });
    expect(await screen.findByText('You have no certificates yet.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Request a certificate' });
    fireEvent.input(within(form).getByLabelText('From'), { target: { value: '2026-11-23' } });
    fireEvent.input(within(form).getByLabelText('To'), { target: { value: '2026-11-25' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send request' }));
    expect(await within(form).findByText('Tell your doctor why you need it (at least 3 characters).')).toBeTruthy();
    expect(app.gateway.named('RequestCertificate')).toHaveLength(0);
    fireEvent.input(within(form).getByLabelText('Why do you need it?'), { target: { value: 'Flu, off work' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send request' }));
    const list = await screen.findByRole('list', { name: 'Certificates' });
    expect(within(list).getByText('Requested')).toBeTruthy();
    expect(within(list).queryByRole('button', { name: 'Download PDF' })).toBeNull();
    expect(app.gateway.named('RequestCertificate')[0]?.variables).toEqual({
      template: 'SICK_LEAVE',
      validFrom: '2026-11-23',
      validTo: '2026-11-25',
      reason: 'Flu, off work',
    });
    expect(screen.getByRole('link', { name: 'Certificates' })).toBeTruthy();
  });

  it('shows the API’s date objection next to the date', async () => {
    renderApp({
      path: '/portal/certificates',
      account: patient,
      handlers: {
        CertificateTemplates: () => ({ data: templates }),
        MyCertificates: () => ({ data: { patient: { id: 'pat-1', certificates: [] } } }),
        RequestCertificate: () =>
          apiError('BAD_USER_INPUT', 'validTo: too far', {
            issues: [{ path: 'validTo', message: 'The last day must be on or after the first, and at most 90 days later' }],
          }),
      },
    });
    const form = await screen.findByRole('form', { name: 'Request a certificate' });
    fireEvent.input(within(form).getByLabelText('From'), { target: { value: '2026-01-01' } });
    fireEvent.input(within(form).getByLabelText('To'), { target: { value: '2026-12-31' } });
    fireEvent.input(within(form).getByLabelText('Why do you need it?'), { target: { value: 'Long illness' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send request' }));
    const to = within(form).getByLabelText('To');
    await waitFor(() => expect(to.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(to.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toContain('at most 90 days later');
  });

  it('downloads an approved certificate and shows why one was declined', async () => {
    const saved = captureDownloads();
    renderApp({
      path: '/portal/certificates',
      account: patient,
      handlers: {
        CertificateTemplates: () => ({ data: templates }),
        MyCertificates: () => ({
          data: {
            patient: {
              id: 'pat-1',
              certificates: [
                certificate({ status: 'APPROVED', doctor: OKAFOR, decidedAt: '2026-11-24T09:00:00.000Z' }),
                certificate({ id: 'cert-2', status: 'DECLINED', declineReason: 'Not seen for this illness' }),
              ],
            },
          },
        }),
        CertificatePdf: (v) => ({
          data: { certificate: { id: v.id, pdf: { filename: 'certificate-cert-1.pdf', contentType: 'application/pdf', contentBase64: 'JVBERi0=' } } },
        }),
      },
    });
    expect(await screen.findByText('Declined: Not seen for this illness')).toBeTruthy();
    const buttons = screen.getAllByRole('button', { name: 'Download PDF' });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]!);
    await waitFor(() => expect(saved.map((s) => s.filename)).toEqual(['certificate-cert-1.pdf']));
  });
});
