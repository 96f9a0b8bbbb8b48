import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { Equipment } from './Equipment.tsx';
import { lookups, piece, ward } from './pharmacy-fixtures.ts';

afterEach(cleanup);

describe('editing equipment', () => {
  it('moves a piece and takes it out of service, sending only what changed, and shows it without a reload', async () => {
    let current = piece('e1', 'Vaccine fridge', '2099-06-01');
    const view = renderComponent(() => <Equipment />, {
      account: accountWith(['PHARMACIST']),
      handlers: {
        ...lookups,
        MaintenanceDue: () => ({ data: { maintenanceDue: [] } }),
        Equipment: () => ({ data: { equipment: [current] } }),
        UpdateEquipment: (v) => {
          current = { ...current, status: v.input.status, location: { ...ward } };
          const { id, status, maintenanceIntervalDays, nextMaintenanceDue, location } = current;
          return { data: { updateEquipment: { __typename: 'Equipment', id, status, maintenanceIntervalDays, nextMaintenanceDue, location } } };
        },
      },
    });
    const form = await screen.findByRole('form', { name: 'Edit SN-e1' });
    await within(form).findByRole('option', { name: 'Ward A cabinet' });
    fireEvent.input(within(form).getByLabelText('Maintenance every (days)'), { target: { value: '0' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByText('Enter 1 to 3650 days.')).toBeTruthy();
    expect(view.gateway.named('UpdateEquipment')).toHaveLength(0);
    fireEvent.input(within(form).getByLabelText('Maintenance every (days)'), { target: { value: '180' } });
    fireEvent.change(within(form).getByLabelText('Status'), { target: { value: 'OUT_OF_SERVICE' } });
    fireEvent.change(within(form).getByLabelText('Location'), { target: { value: 'loc-ward' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    await vi.waitFor(() =>
      expect(view.gateway.named('UpdateEquipment')[0]?.variables.input).toEqual({ equipmentId: 'e1', status: 'OUT_OF_SERVICE', locationId: 'loc-ward' }),
    );
    expect(await screen.findByText('Out of service · Ward A cabinet · never maintained')).toBeTruthy();
    expect((await screen.findByRole('status')).textContent).toBe('Saved SN-e1.');
  });
});
