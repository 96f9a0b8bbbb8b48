import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const invoice = {
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

describe('paying my invoices', () => {
  it('pays what is owed, retrying a failed attempt with the same idempotency key', async () => {
    let attempt = 0;
    const app = renderApp({
      path: '/portal/invoices',
      account: accountWith(['PATIENT'], { patientId: 'pat-1', facilities: [] }),
      handlers: {
        MyInvoices: () => ({ data: { invoices: { nodes: [invoice] } } }),
        PayInvoice: () => (attempt++ === 0 ? apiError('INTERNAL_SERVER_ERROR', 'boom') : { data: { payInvoice: { id: 'pay-1', number: 'R-0042', invoice } } }),
      },
    });
    expect(await screen.findByText('$80.00', { selector: 'strong' })).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Amount (USD)'), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pay now' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Enter an amount up to $80.00.');
    fireEvent.input(screen.getByLabelText('Amount (USD)'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pay now' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Something went wrong on our side'));
    fireEvent.click(screen.getByRole('button', { name: 'Pay now' }));
    expect(await screen.findByText('Paid. Receipt R-0042.')).toBeTruthy();
    const [first, second] = app.gateway.named('PayInvoice').map((s) => s.variables);
    expect(first).toMatchObject({ invoiceId: 'inv-1', amountMinor: 8000 });
    expect(second?.idempotencyKey).toBe(first?.idempotencyKey);
  });
});
