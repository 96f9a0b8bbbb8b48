import { cleanup, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const low = (onHand: number) => ({
  onHand,
  reorderLevel: 100,
  reorderQuantity: 500,
  lowSince: null,
  item: { id: 'item-ibu', name: 'Ibuprofen 400 mg tablets', unit: 'tablet' },
});

describe('stock alerts', () => {
  it('lists low and expiring stock and reads them again when a new alert arrives', async () => {
    let onHand = 80;
    const app = renderApp({
      path: '/pharmacy/alerts',
      account: accountWith(['PHARMACIST']),
      handlers: {
        ExpiryWindow: () => ({ data: { expiryWindowDays: 60 } }),
        StockAlerts: () => ({
          data: {
            lowStock: [low(onHand)],
            expiringStock: [
              {
                quantity: 120,
                expiresOn: '2026-12-14',
                expired: false,
                daysLeft: 20,
                item: { name: 'Amoxicillin 500 mg capsules', unit: 'capsule' },
                lot: { lotNumber: 'AMX-2401' },
                location: { name: 'Pharmacy' },
              },
            ],
          },
        }),
      },
    });
    expect(await screen.findByText(/80 tablet on hand, reorder at 100/)).toBeTruthy();
    expect(screen.getByText(/lot AMX-2401 at Pharmacy: 120 capsule, expires Mon, Dec 14, 2026 \(20 days\)/)).toBeTruthy();
    await waitFor(() => expect(app.live.subscriptions).toHaveLength(1));
    onHand = 60;
    app.live.push('StockAlertRaised', { stockAlerts: { cursor: '12', topic: 'stock.low' } });
    expect(await screen.findByText(/60 tablet on hand/)).toBeTruthy();
  });
});
