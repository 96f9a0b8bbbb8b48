import { cleanup, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { DispenseQueue, type QueuedPrescription } from './DispenseQueue.tsx';

afterEach(cleanup);

const rx = (id: string, patient: string, finalisedAt: string): QueuedPrescription => ({
  id,
  status: 'FINALISED',
  finalisedAt,
  validUntil: '2026-12-24',
  patient: { id: `pat-${id}`, displayName: patient, mrn: `MRN-${id}` },
  prescriber: { displayName: 'Dr. Amara Okafor' },
  items: [{ id: `line-${id}`, medicineName: 'Paracetamol 500 mg tablets', quantity: 12, dispensedQuantity: 0 }],
});

const queued = () => screen.queryAllByRole('listitem').flatMap((li) => li.getAttribute('data-prescription') ?? []);

describe('the dispense queue', () => {
  it('lists what waits and follows prescription.finalised live, oldest first, with nothing to refresh', async () => {
    const view = renderComponent(() => <DispenseQueue />, {
      account: accountWith(['PHARMACIST']),
      handlers: { Dispensable: () => ({ data: { dispensablePrescriptions: [rx('rx-2', 'James Chen', '2026-11-24T10:00:00.000Z')] } }) },
    });
    expect(await screen.findByRole('link', { name: 'Dispense for James Chen' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Refresh' })).toBeNull();

    await waitFor(() => expect(view.live.subscriptions.map((s) => s.payload.operationName)).toEqual(['PrescriptionFinalised']));
    view.live.push('PrescriptionFinalised', { prescriptionFinalised: { cursor: '77', prescription: rx('rx-3', 'Aisha Khan', '2026-11-24T11:00:00.000Z') } });
    view.live.push('PrescriptionFinalised', { prescriptionFinalised: { cursor: '78', prescription: rx('rx-1', 'Maria Garcia', '2026-11-24T09:00:00.000Z') } });
    await waitFor(() => expect(queued()).toEqual(['rx-1', 'rx-2', 'rx-3']));
    expect(view.gateway.named('Dispensable')).toHaveLength(1);
  });

  it('replaces the empty state when the first prescription arrives', async () => {
    const view = renderComponent(() => <DispenseQueue />, {
      account: accountWith(['PHARMACIST']),
      handlers: { Dispensable: () => ({ data: { dispensablePrescriptions: [] } }) },
    });
    expect(await screen.findByText('No prescriptions waiting.')).toBeTruthy();
    await waitFor(() => expect(view.live.subscriptions).toHaveLength(1));
    view.live.push('PrescriptionFinalised', { prescriptionFinalised: { cursor: '79', prescription: rx('rx-9', 'Ola Berg', '2026-11-24T12:00:00.000Z') } });
    expect(await screen.findByRole('link', { name: 'Dispense for Ola Berg' })).toBeTruthy();
    expect(screen.queryByText('No prescriptions waiting.')).toBeNull();
  });
});
