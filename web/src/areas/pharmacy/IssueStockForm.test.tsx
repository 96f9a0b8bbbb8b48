import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { lookups, para, pharmacy } from './pharmacy-fixtures.ts';
import { StockChanges } from './StockChanges.tsx';

afterEach(cleanup);

const lot = { id: 'lot-2', lotNumber: 'P-2', expiresOn: '2099-01-01' };

function render(issue: (v: Record<string, any>) => ReturnType<typeof apiError> | { data: unknown }) {
  let onHand = 100;
  return renderComponent(() => <StockChanges />, {
    account: accountWith(['PHARMACIST']),
    handlers: {
      ...lookups,
      LotBalances: () => ({ data: { stockBalances: [{ quantity: onHand, item: para, lot, location: pharmacy }] } }),
      IssueStock: (v) => {
        const answer = issue(v);
        if ('data' in answer && answer.data) onHand -= v.input.lines[0].quantity;
        return answer;
      },
    },
  });
}

const form = () => screen.getByRole('form', { name: 'Issue stock to a ward' });
const fill = (label: string, value: string) => fireEvent.input(within(form()).getByLabelText(label), { target: { value } });
const pick = (label: string, value: string) => fireEvent.change(within(form()).getByLabelText(label), { target: { value } });

describe('issuing stock to a ward', () => {
  it('wants the ward and a bounded quantity, issues FEFO, and shows the lower count without a reload', async () => {
    const view = render((v) => ({
      data: { issueStock: { operationId: 'op-1', lines: [{ quantity: v.input.lines[0].quantity, item: para, allocations: [{ quantity: 30 }] }] } },
    }));
    expect(await screen.findByRole('option', { name: /lot P-2 .* · Pharmacy · 100 tablet/ })).toBeTruthy();
    await within(form()).findByRole('option', { name: 'Paracetamol' });
    fill('Units to issue', '0');
    fireEvent.click(within(form()).getByRole('button', { name: 'Issue' }));
    expect(await within(form()).findByText('Name the department or ward that receives it.')).toBeTruthy();
    expect(within(form()).getByText('Enter 1 to 1,000,000 units.')).toBeTruthy();
    expect(view.gateway.named('IssueStock')).toHaveLength(0);
    pick('Take from', 'loc-pharm');
    pick('Item', 'item-para');
    fill('Units to issue', '30');
    fill('Department or ward', 'Ward B');
    fireEvent.click(within(form()).getByRole('button', { name: 'Issue' }));
    expect((await screen.findByRole('status')).textContent).toBe('Issued 30 tablet of Paracetamol to Ward B from 1 lot(s).');
    expect(view.gateway.named('IssueStock')[0]?.variables.input).toEqual({
      locationId: 'loc-pharm',
      ward: 'Ward B',
      lines: [{ itemId: 'item-para', quantity: 30 }],
    });
    expect(await screen.findByRole('option', { name: /lot P-2 .* · Pharmacy · 70 tablet/ })).toBeTruthy();
  });

  it('says in plain words when there is not enough stock', async () => {
    render(() => apiError('INSUFFICIENT_STOCK', 'Paracetamol: 500 needed, 100 on hand'));
    await within(form()).findByRole('option', { name: 'Paracetamol' });
    pick('Take from', 'loc-pharm');
    pick('Item', 'item-para');
    fill('Units to issue', '500');
    fill('Department or ward', 'Ward B');
    fireEvent.click(within(form()).getByRole('button', { name: 'Issue' }));
    expect((await within(form()).findByRole('alert')).textContent).toContain('Paracetamol: 500 needed, 100 on hand');
  });
});
