import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { lookups, operation, para, pharmacy } from './pharmacy-fixtures.ts';
import { StockChanges } from './StockChanges.tsx';

afterEach(cleanup);

const lot = { id: 'lot-2', lotNumber: 'P-2', expiresOn: '2099-01-01' };

function render() {
  let onHand = 100;
  const view = renderComponent(() => <StockChanges />, {
    account: accountWith(['PHARMACIST']),
    handlers: {
      ...lookups,
      LotBalances: () => ({ data: { stockBalances: [{ quantity: onHand, item: para, lot, location: pharmacy }] } }),
      ReturnStock: (v) => {
        const change = v.input.direction === 'TO_SUPPLIER' ? -v.input.quantity : v.input.quantity;
        onHand += change;
        return { data: { returnStock: operation(change) } };
      },
    },
  });
  return view;
}

const startReturn = async (quantity: number) => {
  const select = (await screen.findByLabelText('Lot and location')) as HTMLSelectElement;
  fireEvent.change(select, { target: { value: [...select.options].find((o) => o.textContent?.includes(`${quantity} tablet`))!.value } });
  fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'RETURN' } });
};

describe('recording a return', () => {
  it('takes units back from a ward and shows the higher count without a reload', async () => {
    const view = render();
    await startReturn(100);
    fireEvent.click(screen.getByRole('button', { name: 'Record return' }));
    expect(await screen.findByText('Name the ward it comes back from.')).toBeTruthy();
    expect(screen.getByText('Say why it comes back, e.g. "unused at discharge".')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Ward'), { target: { value: 'Ward A' } });
    fireEvent.input(screen.getByLabelText('Units'), { target: { value: '12' } });
    fireEvent.input(screen.getByLabelText('Reason'), { target: { value: 'unused at discharge' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record return' }));
    expect((await screen.findByRole('status')).textContent).toBe('Took back 12 tablet into Pharmacy.');
    expect(view.gateway.named('ReturnStock')[0]?.variables.input).toEqual({
      lotId: 'lot-2',
      locationId: 'loc-pharm',
      quantity: 12,
      direction: 'FROM_WARD',
      reason: 'unused at discharge',
      ward: 'Ward A',
    });
    expect(await screen.findByRole('option', { name: /Pharmacy · 112 tablet/ })).toBeTruthy();
  });

  it('sends no more back to the supplier than is here', async () => {
    const view = render();
    await startReturn(100);
    fireEvent.change(screen.getByLabelText('Direction'), { target: { value: 'TO_SUPPLIER' } });
    expect(screen.getByLabelText('Units').getAttribute('max')).toBe('100');
    fireEvent.input(screen.getByLabelText('Units'), { target: { value: '101' } });
    fireEvent.input(screen.getByLabelText('Reason'), { target: { value: 'recall' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record return' }));
    expect(await screen.findByText('Enter 1 to 100 units.')).toBeTruthy();
    expect(view.gateway.named('ReturnStock')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Units'), { target: { value: '100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record return' }));
    expect((await screen.findByRole('status')).textContent).toBe('Sent 100 tablet back to the supplier.');
    expect(view.gateway.named('ReturnStock')[0]?.variables.input).toMatchObject({ direction: 'TO_SUPPLIER', quantity: 100, reason: 'recall' });
  });
});
