import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { CertificateInfo } from '../../features/certificates/queries.ts';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const MARIA = { id: 'pat-1', displayName: 'Maria Garcia', mrn: 'CG01000017', dateOfBirth: '1985-03-14' };

const request = (overrides: Partial<CertificateInfo> = {}) => ({
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

const doctor = accountWith(['DOCTOR'], { providerId: 'prov-1' });

describe('the certificate decision queue', () => {
  it('approves a request, and the queue empties without a reload', async () => {
    let decided = false;
    const app = renderApp({
      path: '/doctor/certificates',
      account: doctor,
      handlers: {
        PendingCertificateRequests: () => ({ data: { pendingCertificateRequests: decided ? [] : [{ ...request(), patient: MARIA }] } }),
        DecideCertificate: (v) => {
          decided = true;
          return { data: { decideCertificate: request({ status: 'APPROVED', remarks: v.remarks, decidedAt: '2026-11-24T09:00:00.000Z' }) } };
        },
      },
    });
    const card = await screen.findByRole('listitem', { name: 'Medical certificate: unfit for work for Maria Garcia' });
    expect(within(card).getByText(/Reason given: Flu, off work/)).toBeTruthy();
    expect(card.textContent).toContain('Valid Mon, Nov 23, 2026 – Wed, Nov 25, 2026 · requested Nov 23, 2026, 9:00 AM');
    fireEvent.input(within(card).getByLabelText('Remarks on the certificate (optional)'), { target: { value: 'Rest and fluids' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('No requests are waiting.')).toBeTruthy();
    expect(app.gateway.named('DecideCertificate')[0]?.variables).toEqual({ id: 'cert-1', approve: true, remarks: 'Rest and fluids', declineReason: null });
    expect(screen.getByRole('link', { name: 'Certificates' })).toBeTruthy();
  });

  it('asks for a reason before declining, and shows the API’s objection next to the field', async () => {
    const app = renderApp({
      path: '/doctor/certificates',
      account: doctor,
      handlers: {
        PendingCertificateRequests: () => ({ data: { pendingCertificateRequests: [{ ...request(), patient: MARIA }] } }),
        DecideCertificate: () =>
          apiError('BAD_USER_INPUT', 'declineReason: Give a reason of at least 3 characters', {
            issues: [{ path: 'declineReason', message: 'Give a reason of at least 3 characters' }],
          }),
      },
    });
    const card = await screen.findByRole('listitem', { name: /for Maria Garcia/ });
    fireEvent.click(within(card).getByRole('button', { name: 'Decline' }));
    expect(await within(card).findByText('Say why you decline; the patient will read it.')).toBeTruthy();
    expect(app.gateway.named('DecideCertificate')).toHaveLength(0);
    const reason = within(card).getByLabelText('Reason for declining');
    fireEvent.input(reason, { target: { value: 'no' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Decline' }));
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    const described = document.getElementById(reason.getAttribute('aria-describedby')!.split(' ').at(-1)!);
    expect(described?.textContent).toBe('Give a reason of at least 3 characters');
    expect(app.gateway.named('DecideCertificate')[0]?.variables).toMatchObject({ approve: false, declineReason: 'no' });
  });
});
