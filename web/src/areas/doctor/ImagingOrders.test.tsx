import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { ImagingOrders } from './ImagingOrders.tsx';

afterEach(cleanup);

const chest = {
  id: 'rad-1',
  modality: 'XRAY',
  bodyPart: 'Chest PA',
  priority: 'URGENT',
  status: 'ORDERED',
  clinicalInfo: 'Fever and cough for 5 days',
  orderedAt: '2026-11-24T14:30:00.000Z',
  encounter: { id: 'enc-1', facility: { id: 'fac-1', timezone: 'America/New_York' } },
  verifiedAt: null,
  report: null,
};

describe('imaging on the encounter', () => {
  it('orders a study and cancels it, the list following each change without a reload', async () => {
    let orders: (typeof chest)[] = [];
    const view = renderComponent(() => <ImagingOrders encounterId="enc-1" editable />, {
      account: accountWith(['DOCTOR']),
      handlers: {
        EncounterImaging: () => ({ data: { encounter: { id: 'enc-1', radiologyOrders: orders } } }),
        OrderImaging: () => {
          orders = [chest];
          return { data: { orderImaging: { __typename: 'RadiologyOrder', id: 'rad-1', status: 'ORDERED' } } };
        },
        CancelImaging: () => {
          orders = [{ ...chest, status: 'CANCELLED' }];
          return { data: { cancelImaging: { __typename: 'RadiologyOrder', id: 'rad-1', status: 'CANCELLED' } } };
        },
      },
    });
    expect(await screen.findByText('No imaging ordered.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Order imaging' });
    fireEvent.change(within(form).getByLabelText('Modality'), { target: { value: 'XRAY' } });
    fireEvent.input(within(form).getByLabelText('Body part'), { target: { value: 'Chest PA' } });
    fireEvent.change(within(form).getByLabelText('Priority'), { target: { value: 'URGENT' } });
    fireEvent.input(within(form).getByLabelText('Clinical question (optional)'), { target: { value: 'Fever and cough for 5 days' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Order imaging' }));
    expect(await screen.findByText('X-ray · Chest PA')).toBeTruthy();
    expect(view.gateway.named('OrderImaging')[0]?.variables).toEqual({
      encounterId: 'enc-1',
      modality: 'XRAY',
      bodyPart: 'Chest PA',
      clinicalInfo: 'Fever and cough for 5 days',
      priority: 'URGENT',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel X-ray Chest PA' }));
    expect(await screen.findByText(/Urgent · Cancelled/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel X-ray Chest PA' })).toBeNull();
  });

  it('shows a patient’s studies with their reports, read-only', async () => {
    const reported = { ...chest, status: 'VERIFIED', verifiedAt: '2026-11-24T16:00:00.000Z' };
    renderComponent(() => <ImagingOrders patientId="pat-1" />, {
      account: accountWith(['DOCTOR']),
      handlers: {
        PatientImaging: () => ({
          data: {
            patient: {
              id: 'pat-1',
              radiologyOrders: [
                {
                  ...reported,
                  report: {
                    version: 1,
                    findings: 'Clear lung fields.',
                    impression: 'Normal chest.',
                    correctionReason: null,
                    reportedAt: '2026-11-24T15:00:00.000Z',
                  },
                },
              ],
            },
          },
        }),
      },
    });
    expect(await screen.findByText('Normal chest.')).toBeTruthy();
    expect(screen.getByText('Clear lung fields.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Order imaging' })).toBeNull();
  });
});
