import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const rx = {
  id: 'rx-1',
  status: 'DISPENSED',
  validUntil: '2027-05-24',
  finalisedAt: '2026-11-24T10:00:00.000Z',
  prescriber: { displayName: 'Dr. Amara Okafor' },
  items: [
    {
      id: 'i1',
      medicineName: 'Salbutamol inhaler',
      dose: '2 puffs',
      frequency: 'as needed',
      durationDays: 30,
      quantity: 1,
      refills: 2,
      refillsUsed: 0,
      instructions: null,
    },
  ],
  renewalRequests: [],
};

describe('my prescriptions', () => {
  it('asks for a refill with a note', async () => {
    const app = renderApp({
      path: '/portal/prescriptions',
      account: accountWith(['PATIENT'], { patientId: 'pat-1', facilities: [] }),
      handlers: {
        MyPrescriptions: () => ({ data: { patient: { id: 'pat-1', prescriptions: [rx] } } }),
        RequestRenewal: (v) => ({
          data: { requestPrescriptionRenewal: { id: 'rr-1', kind: v.kind, status: 'PENDING', requestedAt: '2026-11-24T09:30:00.000Z' } },
        }),
      },
    });
    expect(await screen.findByText(/refills used 0 of 2/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Note for the doctor (optional)'), { target: { value: 'Running low' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect(await screen.findByText('Request sent. Your doctor will decide.')).toBeTruthy();
    await waitFor(() => expect(app.gateway.named('RequestRenewal')[0]?.variables).toEqual({ prescriptionId: 'rx-1', kind: 'REFILL', note: 'Running low' }));
  });
});
