import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { MyInvoicesPayForm } from './MyInvoicesPayForm.tsx';

afterEach(cleanup);

const owed = { id: 'inv-1', number: 'INV-0007', currency: 'USD', owedMinor: 8000 };
const invoice = {
  id: 'inv-1',
  number: 'INV-0007',
  status: 'ISSUED',
  currency: 'USD',
  totalMinor: 8000,
  patientBalanceMinor: 8000,
  issuedAt: '2026-11-20T10:00:00.000Z',
  dueDate: null,
  payments: [],
};
const account = accountWith(['PATIENT'], { patientId: 'pat-1', facilities: [] });
const fillCard = (number: string) => {
  fireEvent.input(screen.getByLabelText('Card number'), { target: { value: number } });
  fireEvent.input(screen.getByLabelText('Expiry (MM/YY)'), { target: { value: '12/2040' } });
  fireEvent.input(screen.getByLabelText('CVC'), { target: { value: '123' } });
  fireEvent.click(screen.getByRole('button', { name: 'Pay now' }));
};

describe('paying an invoice by card', () => {
  it('shows a declined card next to the card number, and a new attempt uses a new key', async () => {
    const view = renderComponent(() => <MyInvoicesPayForm invoice={owed} payable />, {
      account,
      handlers: {
        PayInvoice: () =>
          apiError('BAD_USER_INPUT', 'Your card was declined. Try another card.', {
            declineCode: 'card_declined',
            issues: [{ path: 'card.number', message: 'Your card was declined. Try another card.' }],
          }),
      },
    });
    fillCard('4000 0000 0000 0002');
    const message = await screen.findByText('Your card was declined. Try another card.', { selector: '.field-error' });
    expect(screen.getByLabelText('Card number').getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Pay now' }));
    await screen.findByText('Your card was declined. Try another card.', { selector: '.field-error' });
    const [first, second] = view.gateway.named('PayInvoice').map((s) => s.variables);
    expect(second?.idempotencyKey).not.toBe(first?.idempotencyKey);
  });

  it('waits for the provider to confirm, then shows the receipt', async () => {
    let looks = 0;
    const intent = (status: string) => ({
      id: 'pi-1',
      status,
      cardLast4: '4242',
      payment: status === 'SUCCEEDED' ? { id: 'pay-1', number: 'R-0042' } : null,
      invoice,
    });
    const view = renderComponent(() => <MyInvoicesPayForm invoice={owed} payable pollMs={50} />, {
      account,
      handlers: {
        PayInvoice: () => ({ data: { payInvoice: intent('PROCESSING') } }),
        MyPaymentIntent: () => ({ data: { paymentIntent: intent(++looks < 3 ? 'PROCESSING' : 'SUCCEEDED') } }),
      },
    });
    fillCard('4242424242424242');
    expect((await screen.findByRole('status')).textContent).toContain('waiting for the payment provider to confirm');
    expect((await screen.findByText(/Receipt R-0042/, {}, { timeout: 3000 })).textContent).toBe('Paid with the card ending 4242. Receipt R-0042.');
    expect(view.gateway.named('MyPaymentIntent').length).toBeGreaterThanOrEqual(3);
  });
});
