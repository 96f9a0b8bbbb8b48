import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { PurchaseOrders } from './PurchaseOrders.tsx';
import { lookups, purchaseOrder } from './pharmacy-fixtures.ts';

afterEach(cleanup);

describe('a purchase order by hand', () => {
  it('checks supplier, place and each line, then lists the new draft on an empty page without a reload', async () => {
    let orders: ReturnType<typeof purchaseOrder>[] = [];
    const view = renderComponent(() => <PurchaseOrders />, {
      account: accountWith(['PHARMACIST']),
      handlers: {
        ...lookups,
        PurchaseOrders: () => ({ data: { purchaseOrders: orders } }),
        SuggestedPurchaseOrders: () => ({ data: { suggestedPurchaseOrders: [] } }),
        CreatePurchaseOrder: (v) => {
          orders = [purchaseOrder('PO-0007', v.input.lines)];
          return { data: { createPurchaseOrder: orders[0] } };
        },
      },
    });
    expect(await screen.findByText('No purchase orders.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'New purchase order' });
    await within(form).findByRole('option', { name: 'Paracetamol (tablet)' });
    fireEvent.click(within(form).getByRole('button', { name: 'Add a line' }));
    fireEvent.change(within(form).getByLabelText('Item, line 1'), { target: { value: 'item-para' } });
    fireEvent.input(within(form).getByLabelText('Units, line 1'), { target: { value: '500' } });
    fireEvent.change(within(form).getByLabelText('Item, line 2'), { target: { value: 'item-para' } });
    fireEvent.input(within(form).getByLabelText('Units, line 2'), { target: { value: '5' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create draft order' }));
    expect(await within(form).findByText('Choose the supplier.')).toBeTruthy();
    expect(within(form).getByText('Choose where it is delivered.')).toBeTruthy();
    expect(within(form).getByText('This item is already on the order.')).toBeTruthy();
    expect(view.gateway.named('CreatePurchaseOrder')).toHaveLength(0);
    fireEvent.click(within(form).getByRole('button', { name: 'Remove line 2' }));
    fireEvent.change(within(form).getByLabelText('Supplier'), { target: { value: 'sup-1' } });
    fireEvent.change(within(form).getByLabelText('Deliver to'), { target: { value: 'loc-store' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create draft order' }));
    expect((await screen.findByRole('status')).textContent).toBe('Draft order PO-0007 created.');
    expect(view.gateway.named('CreatePurchaseOrder')[0]?.variables.input).toEqual({
      supplierId: 'sup-1',
      deliverToLocationId: 'loc-store',
      lines: [{ itemId: 'item-para', quantity: 500 }],
    });
    expect(await screen.findByText('Paracetamol: 0 of 500 tablet received')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'PO-0007 · Medline · Draft' })).toBeTruthy();
  });
});
