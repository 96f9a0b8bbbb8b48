import { cleanup, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const para = { id: 'item-para', name: 'Paracetamol 500 mg tablets', unit: 'tablet', reorderLevel: 200 };
const pharmacy = { id: 'loc-pharm', name: 'Pharmacy' };
const ward = { id: 'loc-ward', name: 'Ward A cabinet' };

describe('live stock levels', () => {
  it('adds up lots per item and location, and follows stock.changed without a reload', async () => {
    const app = renderApp({
      path: '/pharmacy/stock',
      account: accountWith(['PHARMACIST']),
      handlers: {
        StockBalances: () => ({
          data: {
            stockBalances: [
              { quantity: 150, item: para, location: pharmacy },
              { quantity: 600, item: para, location: pharmacy },
              { quantity: 50, item: para, location: ward },
            ],
          },
        }),
      },
    });
    const cell = async () => (await screen.findByRole('row', { name: /Paracetamol 500 mg tablets Pharmacy/ })).querySelector('[data-quantity]')!.textContent;
    expect(await cell()).toBe('750 tablet');
    await waitFor(() => expect(app.live.subscriptions).toHaveLength(1));
    expect(app.live.subscriptions[0]?.payload.variables).toEqual({ facilityId: 'fac-1' });
    app.live.push('StockChanged', { stockChanged: { cursor: '90', topic: 'stock.changed', quantity: 726, delta: -24, item: para, location: pharmacy } });
    await waitFor(async () => expect(await cell()).toBe('726 tablet'));
    expect(screen.getByRole('row', { name: /Paracetamol 500 mg tablets Ward A cabinet/ }).textContent).toContain('776');
  });
});
