import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { invoiceDetail } from '../../testing/fixtures.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { PaymentForm } from './PaymentForm.tsx';

afterEach(cleanup);

const invoice = invoiceDetail();

describe('taking a payment', () => {
  it('checks the amount and the card reference, then sends minor units', async () => {
    const view = renderComponent(() => <PaymentForm invoice={invoice} />, {
      account: accountWith(['BILLING']),
      handlers: { RecordPayment: () => ({ data: { recordPayment: { id: 'pay-1', number: 'R-0001', invoice: null } } }) },
    });
    expect(screen.getByText('Balance: $120.00')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'CARD' } });
    fireEvent.input(screen.getByLabelText('Amount (USD)'), { target: { value: '12.345' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record payment' }));
    expect(await screen.findByText('Enter an amount, e.g. 25.00.')).toBeTruthy();
    expect(screen.getByText('A card slip or payer reference is needed.')).toBeTruthy();
    expect(view.gateway.named('RecordPayment')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Amount (USD)'), { target: { value: '45.5' } });
    fireEvent.input(screen.getByLabelText('Reference'), { target: { value: 'slip 7781' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record payment' }));
    expect((await screen.findByRole('status')).textContent).toContain('receipt R-0001');
    expect(view.gateway.named('RecordPayment')[0]?.variables.input).toEqual({
      invoiceId: 'inv-1',
      method: 'CARD',
      amountMinor: 4550,
      currency: 'USD',
      reference: 'slip 7781',
    });
  });

  it("refuses an amount past what the API takes before sending, and shows the API's refusal beside the amount", async () => {
    const message = 'must be between 1 and 2,147,483,647';
    const view = renderComponent(() => <PaymentForm invoice={invoice} />, {
      account: accountWith(['BILLING']),
      handlers: { RecordPayment: () => apiError('BAD_USER_INPUT', `input.amountMinor: ${message}`, { issues: [{ path: 'input.amountMinor', message }] }) },
    });
    fireEvent.input(screen.getByLabelText('Amount (USD)'), { target: { value: '999999999999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record payment' }));
    expect(await screen.findByText('One payment can be at most $21,474,836.47.', { selector: '.field-error' })).toBeTruthy();
    expect(view.gateway.named('RecordPayment')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Amount (USD)'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record payment' }));
    expect(await screen.findByText(message, { selector: '.field-error' })).toBeTruthy();
  });
});
