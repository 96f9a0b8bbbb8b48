import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { Equipment } from './Equipment.tsx';
import { lookups, piece } from './pharmacy-fixtures.ts';

afterEach(cleanup);

describe('equipment and maintenance', () => {
  it('puts overdue equipment first, shows the log, and logs maintenance done', async () => {
    let logged = false;
    const view = renderComponent(() => <Equipment />, {
      account: accountWith(['PHARMACIST']),
      handlers: {
        ...lookups,
        MaintenanceDue: () => ({ data: { maintenanceDue: [] } }),
        Equipment: () => ({
          data: {
            equipment: [
              piece('e2', 'Vaccine fridge', '2099-06-01', {
                lastMaintainedOn: '2026-01-10',
                maintenanceLog: [{ id: 'm1', performedOn: '2026-01-10', kind: 'CALIBRATION', notes: 'probe replaced' }],
              }),
              piece('e1', 'Blood pressure monitor', logged ? '2099-01-01' : '2020-01-01'),
            ],
          },
        }),
        LogMaintenance: () => {
          logged = true;
          return { data: { logMaintenance: { id: 'm2', performedOn: '2026-03-02', kind: 'INSPECTION', notes: null, nextDueOn: '2099-01-01' } } };
        },
      },
    });
    const cards = await screen.findAllByRole('listitem');
    const first = cards.find((c) => c.dataset.equipment)!;
    expect(first.textContent).toContain('Blood pressure monitor');
    expect(within(first).getByText(/Maintenance due since/)).toBeTruthy();
    expect(screen.getByText('Maintenance log (1)')).toBeTruthy();
    expect(screen.getByText(/Calibration · probe replaced/)).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Log maintenance for SN-e1' });
    fireEvent.input(within(form).getByLabelText('Done on'), { target: { value: '2999-01-01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Log maintenance' }));
    expect(await within(form).findByText('Enter the day it was done (not in the future).')).toBeTruthy();
    expect(view.gateway.named('LogMaintenance')).toHaveLength(0);
    fireEvent.input(within(form).getByLabelText('Done on'), { target: { value: '2026-03-02' } });
    fireEvent.change(within(form).getByLabelText('Kind'), { target: { value: 'INSPECTION' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Log maintenance' }));
    await vi.waitFor(() =>
      expect(view.gateway.named('LogMaintenance')[0]?.variables.input).toEqual({ equipmentId: 'e1', performedOn: '2026-03-02', kind: 'INSPECTION' }),
    );
    await vi.waitFor(() => expect(screen.queryByText(/Maintenance due since/)).toBeNull());
  });

  it('says when there is no equipment', async () => {
    renderComponent(() => <Equipment />, {
      account: accountWith(['PHARMACIST']),
      handlers: { ...lookups, MaintenanceDue: () => ({ data: { maintenanceDue: [] } }), Equipment: () => ({ data: { equipment: [] } }) },
    });
    expect(await screen.findByText('No equipment registered here.')).toBeTruthy();
  });
});
