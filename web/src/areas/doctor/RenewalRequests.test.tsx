import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { RenewalRequests } from './RenewalRequests.tsx';

afterEach(cleanup);

const request = {
  __typename: 'RenewalRequest',
  id: 'rr-1',
  kind: 'REFILL',
  patientNote: 'Running low',
  requestedAt: '2026-11-24T09:00:00.000Z',
  prescription: {
    id: 'rx-1',
    patient: { id: 'pat-1', displayName: 'Maria Garcia' },
    items: [{ medicineName: 'Salbutamol inhaler', dose: '2 puffs', frequency: 'as needed' }],
  },
} as const;

/** The pending requests as the API holds them: a patient adds one from the portal, a decision removes it. */
function renewalServer() {
  const pending: (typeof request)[] = [];
  return {
    pending,
    handlers: {
      PendingRenewals: () => ({ data: { pendingRenewalRequests: structuredClone(pending) } }),
      DecideRenewal: (v: Record<string, any>) => {
        pending.splice(0);
        return {
          data: {
            decideRenewalRequest: {
              __typename: 'RenewalRequest',
              id: v.requestId,
              status: 'APPROVED',
              newPrescription: { __typename: 'Prescription', id: 'rx-2', encounter: { __typename: 'Encounter', id: 'enc-0' } },
            },
          },
        };
      },
    },
  };
}

describe('refill and renewal requests on my day', () => {
  it('shows a request a patient made while the page was open when the doctor comes back to it, without a reload', async () => {
    const server = renewalServer();
    renderComponent(() => <RenewalRequests />, { account: accountWith(['DOCTOR'], { providerId: 'prov-1' }), handlers: server.handlers });
    expect(await screen.findByText('No refill or renewal requests.')).toBeTruthy();
    server.pending.push(request);
    window.dispatchEvent(new Event('focus'));
    expect(await screen.findByText(/Maria Garcia/)).toBeTruthy();
  });

  it('keeps the link to the new draft after an approval takes the request off the list', async () => {
    const server = renewalServer();
    server.pending.push(request);
    renderComponent(() => <RenewalRequests />, { account: accountWith(['DOCTOR'], { providerId: 'prov-1' }), handlers: server.handlers });
    fireEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('No refill or renewal requests.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Review and finalise the new draft' }).getAttribute('href')).toBe('/doctor/encounters/enc-0');
  });
});
