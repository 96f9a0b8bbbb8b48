import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { UnpricedCharges } from './UnpricedCharges.tsx';

afterEach(cleanup);

const charge = (id: string, unpriced: boolean, description: string) => ({
  id,
  code: `C-${id}`,
  description,
  quantity: 1,
  currency: 'USD',
  serviceDate: '2026-03-02',
  unpriced,
  patient: { displayName: 'Maya Chen' },
});

describe('pricing unpriced charges', () => {
  it('lists only unpriced charges and prices one in minor units and basis points', async () => {
    let priced = false;
    const view = renderComponent(() => <UnpricedCharges />, {
      account: accountWith(['BILLING']),
      handlers: {
        PendingCharges: () => ({ data: { charges: { nodes: [charge('c1', !priced, 'Wound dressing'), charge('c2', false, 'Consultation')] } } }),
        PriceCharge: () => {
          priced = true;
          return { data: { priceCharge: { id: 'c1', unpriced: false, unitPriceMinor: 3500, taxRateBasisPoints: 500 } } };
        },
      },
    });
    expect(await screen.findByText('Wound dressing')).toBeTruthy();
    expect(screen.queryByText('Consultation')).toBeNull();
    fireEvent.input(screen.getByLabelText('Tax (%)'), { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set price' }));
    expect(await screen.findByText('Enter a price, e.g. 35.00.')).toBeTruthy();
    expect(screen.getByText('Enter a tax rate from 0 to 100%, or leave it empty.')).toBeTruthy();
    expect(view.gateway.named('PriceCharge')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Unit price (USD)'), { target: { value: '35' } });
    fireEvent.input(screen.getByLabelText('Tax (%)'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set price' }));
    expect(await screen.findByText('Every pending charge has a price.')).toBeTruthy();
    await vi.waitFor(() => expect(view.gateway.named('PriceCharge')[0]?.variables).toEqual({ id: 'c1', unitPriceMinor: 3500, taxRateBasisPoints: 500 }));
  });
});
