import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import type { MovementInfo } from './ledger-queries.ts';
import { lookups, para, pharmacy, ward } from './pharmacy-fixtures.ts';
import { StockLedger } from './StockLedger.tsx';

afterEach(cleanup);

const movement = (id: string, extra: Partial<MovementInfo>): MovementInfo => ({
  id,
  kind: 'RECEIVE',
  quantity: 200,
  reason: null,
  referenceType: 'DELIVERY',
  referenceId: 'DN-7',
  occurredAt: '2026-11-30T15:30:00Z',
  item: para,
  lot: { id: 'lot-1', lotNumber: 'P-1' },
  location: pharmacy,
  ...extra,
});

describe('the stock ledger', () => {
  it('lists movements in the facility time, filters by item and location, and pages back', async () => {
    const view = renderComponent(() => <StockLedger />, {
      account: accountWith(['PHARMACIST']),
      handlers: {
        ...lookups,
        StockMovements: (v) => ({
          data: {
            stockMovements: v.after
              ? { nodes: [movement('m1', {})], pageInfo: { hasNextPage: false, endCursor: 'c1' } }
              : {
                  nodes: [
                    movement('m3', { kind: 'ISSUE', quantity: -30, referenceType: 'WARD', referenceId: 'Ward B', location: ward, reason: 'night stock' }),
                  ],
                  pageInfo: { hasNextPage: true, endCursor: 'c3' },
                },
          },
        }),
      },
    });
    const table = await screen.findByRole('table', { name: 'Stock movements, newest first' });
    const row = within(table).getByRole('row', { name: /Paracetamol/ });
    expect(row.textContent).toContain('Issued · night stock');
    expect(row.textContent).toContain('-30 tablet');
    expect(row.textContent).toContain('Ward: Ward B');
    expect(row.textContent).toContain('10:30 AM');
    expect(within(table).getByRole('columnheader', { name: 'When (New York time)' })).toBeTruthy();
    await screen.findByRole('option', { name: 'Paracetamol' });
    fireEvent.change(screen.getByLabelText('Item'), { target: { value: 'item-para' } });
    fireEvent.change(screen.getByLabelText('Location'), { target: { value: 'loc-ward' } });
    await vi.waitFor(() =>
      expect(view.gateway.named('StockMovements').at(-1)?.variables).toEqual({
        filter: { facilityId: 'fac-1', itemId: 'item-para', locationId: 'loc-ward' },
        first: 50,
        after: null,
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Older' }));
    expect(await screen.findByText('Received')).toBeTruthy();
    expect(screen.getByText('Delivery: DN-7')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Older' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Newer' }));
    expect(await screen.findByText('Issued · night stock')).toBeTruthy();
  });

  it('says when nothing matches', async () => {
    renderComponent(() => <StockLedger />, {
      account: accountWith(['PHARMACIST']),
      handlers: { ...lookups, StockMovements: () => ({ data: { stockMovements: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } } }) },
    });
    expect(await screen.findByText('No stock movements match.')).toBeTruthy();
  });
});
