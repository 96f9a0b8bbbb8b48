import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

// With __typename, as the API sends it: urql's document cache keys its invalidation on it.
const invoice = {
  __typename: 'Invoice',
  id: 'inv-1',
  number: 'INV-0007',
  status: 'ISSUED',
  currency: 'USD',
  totalMinor: 8000,
  patientBalanceMinor: 8000,
  issuedAt: '2026-11-20T10:00:00.000Z',
  dueDate: '2026-12-20',
  payments: [],
};
const paid = {
  ...invoice,
  status: 'PAID',
  patientBalanceMinor: 0,
  payments: [{ id: 'pay-1', number: 'R-0042', appliedMinor: 8000, createdAt: '2026-11-21T10:00:00.000Z' }],
};

const fillCard = () => {
  fireEvent.input(screen.getByLabelText('Card number'), { target: { value: '4242 4242 4242 4242' } });
  fireEvent.input(screen.getByLabelText('Expiry (MM/YY)'), { target: { value: '12/40' } });
  fireEvent.input(screen.getByLabelText('CVC'), { target: { value: '123' } });
};

describe('paying my invoices', () => {
  it('pays by card, retrying a failed attempt with the same idempotency key, and the list shows the invoice paid', async () => {
    let attempt = 0;
    let settled = false;
    const app = renderApp({
      path: '/portal/invoices',
      account: accountWith(['PATIENT'], { patientId: 'pat-1', facilities: [] }),
      handlers: {
        MyInvoices: () => ({ data: { invoices: { nodes: [settled ? paid : invoice] } } }),
        PayInvoice: () => {
          if (attempt++ === 0) return apiError('INTERNAL_SERVER_ERROR', 'boom');
          settled = true;
          return {
            data: {
              payInvoice: {
                __typename: 'PaymentIntent',
                id: 'pi-1',
                status: 'SUCCEEDED',
                cardLast4: '4242',
                payment: { id: 'pay-1', number: 'R-0042' },
                invoice: paid,
              },
            },
          };
        },
      },
    });
    expect(await screen.findByText('$80.00', { selector: 'strong' })).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Amount (USD)'), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pay now' }));
    expect(await screen.findByText('Enter an amount up to $80.00.')).toBeTruthy();
    expect(screen.getByText('Enter the card number.')).toBeTruthy();
    expect(app.gateway.named('PayInvoice')).toHaveLength(0);

    fireEvent.input(screen.getByLabelText('Amount (USD)'), { target: { value: '' } });
    fillCard();
    fireEvent.click(screen.getByRole('button', { name: 'Pay now' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Something went wrong on our side'));
    fireEvent.click(screen.getByRole('button', { name: 'Pay now' }));
    expect(await screen.findByText('Paid with the card ending 4242. Receipt R-0042.')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('$0.00', { selector: 'strong' })).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Pay now' })).toBeNull();
    expect(screen.getByText('Paid with the card ending 4242. Receipt R-0042.').getAttribute('role')).toBe('status');
    const [first, second] = app.gateway.named('PayInvoice').map((s) => s.variables);
    expect(first).toMatchObject({ invoiceId: 'inv-1', amountMinor: 8000, card: { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' } });
    expect(second?.idempotencyKey).toBe(first?.idempotencyKey);
  });
});
