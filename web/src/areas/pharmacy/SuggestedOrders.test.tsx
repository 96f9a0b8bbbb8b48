import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { PurchaseOrders } from './PurchaseOrders.tsx';
import { lookups, medline, para, purchaseOrder } from './pharmacy-fixtures.ts';

afterEach(cleanup);

const suggestion = (onOrder: number) => ({
  supplier: { id: medline.id, name: medline.name },
  lines: [{ onHand: 80, onOrder, reorderLevel: 200, suggestedQuantity: 500 - onOrder, item: para }],
});

describe('suggested purchase orders', () => {
  it('shows what to order per supplier and drafts it, then shows it on order without a reload', async () => {
    let orders: ReturnType<typeof purchaseOrder>[] = [];
    const view = renderComponent(() => <PurchaseOrders />, {
      account: accountWith(['PHARMACIST']),
      handlers: {
        ...lookups,
        PurchaseOrders: () => ({ data: { purchaseOrders: orders } }),
        SuggestedPurchaseOrders: () => ({ data: { suggestedPurchaseOrders: orders.length ? [] : [suggestion(0)] } }),
        CreatePurchaseOrder: (v) => {
          orders = [purchaseOrder('PO-0008', v.input.lines)];
          return { data: { createPurchaseOrder: orders[0] } };
        },
      },
    });
    const card = await screen.findByRole('listitem', { name: 'Suggested from Medline' });
    expect(within(card).getByRole('row', { name: /Paracetamol 80 0 200 500 tablet/ })).toBeTruthy();
    const draft = within(card).getByRole('button', { name: 'Draft this order' });
    await vi.waitFor(() => expect(draft.hasAttribute('disabled')).toBe(false));
    fireEvent.click(draft);
    await vi.waitFor(() =>
      expect(view.gateway.named('CreatePurchaseOrder')[0]?.variables.input).toEqual({
        supplierId: 'sup-1',
        deliverToLocationId: 'loc-store',
        lines: [{ itemId: 'item-para', quantity: 500 }],
      }),
    );
    expect(await screen.findByText('Nothing needs ordering: all stock is above its reorder level or on order.')).toBeTruthy();
    expect(screen.getByText('Paracetamol: 0 of 500 tablet received')).toBeTruthy();
  });
});
