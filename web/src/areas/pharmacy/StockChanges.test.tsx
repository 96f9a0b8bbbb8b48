import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { lookups, operation, para, pharmacy } from './pharmacy-fixtures.ts';
import { StockChanges } from './StockChanges.tsx';

afterEach(cleanup);

const balances = [
  { quantity: 40, item: para, lot: { id: 'lot-1', lotNumber: 'P-1', expiresOn: '2020-01-01' }, location: pharmacy },
  { quantity: 100, item: para, lot: { id: 'lot-2', lotNumber: 'P-2', expiresOn: '2099-01-01' }, location: pharmacy },
];

const render = (handlers = {}) =>
  renderComponent(() => <StockChanges />, {
    account: accountWith(['PHARMACIST']),
    handlers: {
      LotBalances: () => ({ data: { stockBalances: balances } }),
      ...lookups,
      ...handlers,
    },
  });

const choose = async (lot: RegExp, action: string) => {
  const select = (await screen.findByLabelText('Lot and location')) as HTMLSelectElement;
  const option = [...select.options].find((o) => lot.test(o.textContent ?? ''))!;
  fireEvent.change(select, { target: { value: option.value } });
  fireEvent.change(screen.getByLabelText('Action'), { target: { value: action } });
};

describe('changing stock by hand', () => {
  it('adjusts a count only with a reason and within what is on hand', async () => {
    const view = render({ AdjustStock: () => ({ data: { adjustStock: operation(-5) } }) });
    await choose(/lot P-2/, 'ADJUST');
    fireEvent.input(screen.getByLabelText('Change in units'), { target: { value: '-150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Adjust' }));
    expect(await screen.findByText('Only 100 on hand to remove.')).toBeTruthy();
    expect(screen.getByText('Say why the count changes, e.g. "recount".')).toBeTruthy();
    expect(view.gateway.named('AdjustStock')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Change in units'), { target: { value: '-5' } });
    fireEvent.input(screen.getByLabelText('Reason'), { target: { value: 'recount' } });
    fireEvent.click(screen.getByRole('button', { name: 'Adjust' }));
    expect((await screen.findByRole('status')).textContent).toContain('Adjusted by -5 tablet.');
    expect(view.gateway.named('AdjustStock')[0]?.variables.input).toEqual({ lotId: 'lot-2', locationId: 'loc-pharm', quantityChange: -5, reason: 'recount' });
  });

  it('transfers to another location and shows a stock error in plain words', async () => {
    const view = render({ TransferStock: () => apiError('INSUFFICIENT_STOCK', 'Lot P-2 has 3 left.') });
    await choose(/lot P-2/, 'TRANSFER');
    fireEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    expect(await screen.findByText('Choose where the stock goes.')).toBeTruthy();
    expect(screen.getByText('Enter 1 to 100 units.')).toBeTruthy();
    expect([...(screen.getByLabelText('To location') as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      'Choose…',
      'Ward A cabinet',
      'Main store',
    ]);
    fireEvent.change(screen.getByLabelText('To location'), { target: { value: 'loc-ward' } });
    fireEvent.input(screen.getByLabelText('Units to move'), { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    expect((await screen.findByRole('alert')).textContent).toContain('There is not enough stock to fill this.');
    expect(view.gateway.named('TransferStock')[0]?.variables.input).toEqual({
      fromLocationId: 'loc-pharm',
      toLocationId: 'loc-ward',
      lines: [{ itemId: 'item-para', lotId: 'lot-2', quantity: 20 }],
    });
  });

  it('writes off an expired lot without a reason, but wants one for a lot in date', async () => {
    const view = render({ WriteOffStock: () => ({ data: { writeOffStock: operation(-5) } }) });
    await choose(/lot P-1/, 'WRITE_OFF');
    expect(screen.getByText('This lot has expired: an expiry write-off.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Write off' }));
    await vi.waitFor(() => expect(view.gateway.named('WriteOffStock')[0]?.variables.input).toEqual({ lotId: 'lot-1', locationId: 'loc-pharm', expired: true }));
    await choose(/lot P-2/, 'WRITE_OFF');
    fireEvent.input(await screen.findByLabelText('Units to write off'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Write off' }));
    expect(await screen.findByText('Say why, e.g. "broken vial".')).toBeTruthy();
    expect(view.gateway.named('WriteOffStock')).toHaveLength(1);
  });
});
