import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { lookups, operation, para, pharmacy } from './pharmacy-fixtures.ts';
import { StockChanges } from './StockChanges.tsx';

afterEach(cleanup);

const received = { quantity: 200, item: para, lot: { id: 'lot-9', lotNumber: 'DON-7', expiresOn: '2099-03-01' }, location: pharmacy };

function render(receive: () => ReturnType<typeof apiError> | { data: unknown }) {
  let stock: (typeof received)[] = [];
  return renderComponent(() => <StockChanges />, {
    account: accountWith(['PHARMACIST']),
    handlers: {
      ...lookups,
      LotBalances: () => ({ data: { stockBalances: stock } }),
      ReceiveStock: () => {
        const answer = receive();
        if ('data' in answer && answer.data) stock = [received];
        return answer;
      },
    },
  });
}

const form = () => screen.getByRole('form', { name: 'Receive stock without an order' });
const fill = (label: string, value: string) => fireEvent.input(within(form()).getByLabelText(label), { target: { value } });
const pick = (label: string, value: string) => fireEvent.change(within(form()).getByLabelText(label), { target: { value } });

describe('receiving stock without a purchase order', () => {
  it('checks each field, receives into a new lot, and lists the lot without a reload', async () => {
    const view = render(() => ({ data: { receiveStock: operation(200) } }));
    expect(await screen.findByText('No stock at this facility.')).toBeTruthy();
    await within(form()).findByRole('option', { name: 'Paracetamol' });
    fill('Units received', '2000000');
    fireEvent.click(within(form()).getByRole('button', { name: 'Receive' }));
    expect(await within(form()).findByText('Enter 1 to 1,000,000 units.')).toBeTruthy();
    expect(within(form()).getByText('Choose the item.')).toBeTruthy();
    expect(within(form()).getByText('Enter the delivery note or other document.')).toBeTruthy();
    expect(view.gateway.named('ReceiveStock')).toHaveLength(0);
    expect(within(form()).getByLabelText('Units received').getAttribute('max')).toBe('1000000');
    expect(within(form()).queryByRole('option', { name: 'Gone Ltd' })).toBeNull();
    pick('Item', 'item-para');
    pick('Put away at', 'loc-pharm');
    pick('Supplier (optional)', 'sup-1');
    fill('Units received', '200');
    fireEvent.click(within(form()).getByRole('button', { name: 'Receive' }));
    expect(await within(form()).findByText('Enter the expiry date printed on the pack.')).toBeTruthy();
    expect(view.gateway.named('ReceiveStock')).toHaveLength(0);
    fill('Lot number', ' DON-7 ');
    fill('Expires on', '2099-03-01');
    fill('Delivery note or document', 'Donation letter 12');
    fireEvent.click(within(form()).getByRole('button', { name: 'Receive' }));
    expect((await screen.findByRole('status')).textContent).toBe('Received 200 tablet of Paracetamol.');
    expect(view.gateway.named('ReceiveStock')[0]?.variables.input).toEqual({
      itemId: 'item-para',
      locationId: 'loc-pharm',
      lotNumber: 'DON-7',
      quantity: 200,
      reference: 'Donation letter 12',
      expiresOn: '2099-03-01',
      supplierId: 'sup-1',
    });
    expect(await screen.findByRole('option', { name: /Paracetamol · lot DON-7/ })).toBeTruthy();
  });

  it('marks the expiry the API refuses next to its field', async () => {
    render(() =>
      apiError('BAD_USER_INPUT', 'Lot L1 is recorded with expiry 2099-01-01, not 2099-02-01', {
        issues: [{ path: 'expiresOn', message: "must match this lot's recorded expiry (2099-01-01)" }],
      }),
    );
    await within(form()).findByRole('option', { name: 'Paracetamol' });
    pick('Item', 'item-para');
    pick('Put away at', 'loc-pharm');
    fill('Units received', '5');
    fill('Lot number', 'L1');
    fill('Expires on', '2099-02-01');
    fill('Delivery note or document', 'DN-1');
    fireEvent.click(within(form()).getByRole('button', { name: 'Receive' }));
    const field = await within(form()).findByText("must match this lot's recorded expiry (2099-01-01)");
    expect(field.classList.contains('field-error')).toBe(true);
    expect(within(form()).getByLabelText('Expires on').getAttribute('aria-invalid')).toBe('true');
  });
});
