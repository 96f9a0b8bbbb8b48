import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { Equipment } from './Equipment.tsx';
import { dueEntry, lookups, piece } from './pharmacy-fixtures.ts';

afterEach(cleanup);

describe('maintenance due', () => {
  it('lists what is due in the chosen horizon and drops a piece once its maintenance is logged, without a reload', async () => {
    let next = '2020-01-01';
    const due = () => piece('e1', 'Blood pressure monitor', next);
    const view = renderComponent(() => <Equipment />, {
      account: accountWith(['PHARMACIST']),
      handlers: {
        ...lookups,
        Equipment: () => ({ data: { equipment: [due()] } }),
        MaintenanceDue: (v) => {
          const horizon = v.withinDays === 0 ? '2026-12-01' : '2099-12-31';
          return { data: { maintenanceDue: next <= horizon ? [dueEntry(due())] : [] } };
        },
        LogMaintenance: () => {
          next = '2027-05-30';
          return {
            data: {
              logMaintenance: { __typename: 'MaintenanceRecord', id: 'm1', performedOn: '2026-11-30', kind: 'PREVENTIVE', notes: null, nextDueOn: next },
            },
          };
        },
      },
    });
    const list = await screen.findByRole('list', { name: 'Maintenance due' });
    expect(within(list).getByText(/Blood pressure monitor SN SN-e1 at Pharmacy: Wed, Jan 1, 2020/)).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Log maintenance for SN-e1' });
    fireEvent.input(within(form).getByLabelText('Done on'), { target: { value: '2026-11-30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Log maintenance' }));
    expect(await screen.findByText('No maintenance due in this period.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: '90' } });
    await vi.waitFor(() => expect(view.gateway.named('MaintenanceDue').at(-1)?.variables).toEqual({ facilityId: 'fac-1', withinDays: 90 }));
    expect(await screen.findByText(/SN-e1 at Pharmacy: Sun, May 30, 2027/)).toBeTruthy();
  });
});
