import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { Equipment } from './Equipment.tsx';
import { dueEntry, lookups, piece } from './pharmacy-fixtures.ts';

afterEach(cleanup);

describe('registering equipment', () => {
  it('offers only equipment items, checks the interval, and lists the new piece on an empty page without a reload', async () => {
    let registered: ReturnType<typeof piece>[] = [];
    const view = renderComponent(() => <Equipment />, {
      account: accountWith(['PHARMACIST']),
      handlers: {
        ...lookups,
        MaintenanceDue: () => ({ data: { maintenanceDue: registered.map(dueEntry) } }),
        Equipment: () => ({ data: { equipment: registered } }),
        RegisterEquipment: (v) => {
          registered = [piece('e9', 'Blood pressure monitor', '2026-11-30', { serialNumber: v.input.serialNumber })];
          return {
            data: {
              registerEquipment: {
                __typename: 'Equipment',
                id: 'e9',
                serialNumber: v.input.serialNumber,
                status: 'IN_SERVICE',
                nextMaintenanceDue: '2026-11-30',
              },
            },
          };
        },
      },
    });
    expect(await screen.findByText('No equipment registered here.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Register equipment' });
    await within(form).findByRole('option', { name: 'Blood pressure monitor' });
    expect(within(form).queryByRole('option', { name: 'Paracetamol' })).toBeNull();
    fireEvent.input(within(form).getByLabelText('Maintenance every (days)'), { target: { value: '4000' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Register' }));
    expect(await within(form).findByText('Enter 1 to 3650 days, or leave empty.')).toBeTruthy();
    expect(within(form).getByText('Enter the serial number.')).toBeTruthy();
    expect(view.gateway.named('RegisterEquipment')).toHaveLength(0);
    fireEvent.change(within(form).getByLabelText('Equipment'), { target: { value: 'item-bp' } });
    fireEvent.input(within(form).getByLabelText('Serial number'), { target: { value: 'BP-2231' } });
    fireEvent.change(within(form).getByLabelText('Location'), { target: { value: 'loc-pharm' } });
    fireEvent.input(within(form).getByLabelText('Maintenance every (days)'), { target: { value: '180' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Register' }));
    expect((await screen.findByRole('status')).textContent).toBe('Registered BP-2231.');
    expect(view.gateway.named('RegisterEquipment')[0]?.variables.input).toEqual({
      itemId: 'item-bp',
      serialNumber: 'BP-2231',
      locationId: 'loc-pharm',
      maintenanceIntervalDays: 180,
    });
    expect(await screen.findByRole('heading', { name: 'Blood pressure monitor SN BP-2231' })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Maintenance due' })).getByText(/BP-2231 at Pharmacy/)).toBeTruthy();
  });

  it('marks a duplicate serial number the API refuses next to the field', async () => {
    renderComponent(() => <Equipment />, {
      account: accountWith(['PHARMACIST']),
      handlers: {
        ...lookups,
        MaintenanceDue: () => ({ data: { maintenanceDue: [] } }),
        Equipment: () => ({ data: { equipment: [] } }),
        RegisterEquipment: () => apiError('BAD_USER_INPUT', 'Invalid input', { issues: [{ path: 'serialNumber', message: 'is already registered' }] }),
      },
    });
    const form = await screen.findByRole('form', { name: 'Register equipment' });
    await within(form).findByRole('option', { name: 'Blood pressure monitor' });
    fireEvent.change(within(form).getByLabelText('Equipment'), { target: { value: 'item-bp' } });
    fireEvent.input(within(form).getByLabelText('Serial number'), { target: { value: 'BP-1' } });
    fireEvent.change(within(form).getByLabelText('Location'), { target: { value: 'loc-pharm' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Register' }));
    expect((await within(form).findByText('is already registered')).classList.contains('field-error')).toBe(true);
  });
});
