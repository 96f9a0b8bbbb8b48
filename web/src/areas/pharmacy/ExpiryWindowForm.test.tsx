import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { Alerts } from './Alerts.tsx';

afterEach(cleanup);

const expiring = (daysLeft: number) => ({
  quantity: 120,
  expiresOn: '2027-01-30',
  expired: false,
  daysLeft,
  item: { name: 'Amoxicillin 500 mg capsules', unit: 'capsule' },
  lot: { lotNumber: 'AMX-2401' },
  location: { name: 'Pharmacy' },
});

describe('the expiry window', () => {
  it('shows the window, refuses days out of range, and lists what now falls inside it without a reload', async () => {
    let window = 30;
    const view = renderComponent(() => <Alerts />, {
      account: accountWith(['PHARMACIST']),
      handlers: {
        ExpiryWindow: () => ({ data: { expiryWindowDays: window } }),
        SetExpiryWindow: (v) => {
          window = v.days;
          return { data: { setExpiryWindow: v.days } };
        },
        StockAlerts: () => ({ data: { lowStock: [], expiringStock: window >= 60 ? [expiring(60)] : [] } }),
      },
    });
    const form = await screen.findByRole('form', { name: 'Expiry window' });
    const input = within(form).getByLabelText('Warn this many days before expiry') as HTMLInputElement;
    await vi.waitFor(() => expect(input.value).toBe('30'));
    expect(screen.getByText('Nothing expires soon.')).toBeTruthy();
    expect([input.min, input.max]).toEqual(['1', '3650']);
    fireEvent.input(input, { target: { value: '5000' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save window' }));
    expect(await within(form).findByText('Enter 1 to 3650 days.')).toBeTruthy();
    expect(view.gateway.named('SetExpiryWindow')).toHaveLength(0);
    fireEvent.input(input, { target: { value: '60' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save window' }));
    expect((await within(form).findByRole('status')).textContent).toBe('Stock expiring within 60 days is now listed.');
    expect(view.gateway.named('SetExpiryWindow')[0]?.variables).toEqual({ facilityId: 'fac-1', days: 60 });
    expect(await screen.findByText(/lot AMX-2401 at Pharmacy: 120 capsule/)).toBeTruthy();
    expect(input.value).toBe('60');
  });
});
