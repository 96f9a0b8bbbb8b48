import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { invoiceDetail } from '../../testing/fixtures.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { DiscountForm } from './DiscountForm.tsx';

afterEach(cleanup);

const invoice = invoiceDetail({ status: 'DRAFT', issuedAt: null, dueDate: null });

describe('discounting a draft invoice', () => {
  it('wants a sane percentage and a reason, then sends basis points', async () => {
    const view = renderComponent(() => <DiscountForm invoice={invoice} />, {
      account: accountWith(['BILLING']),
      handlers: { ApplyInvoiceDiscount: () => ({ data: { applyInvoiceDiscount: { ...invoice, discountMinor: 1250 } } }) },
    });
    fireEvent.input(screen.getByLabelText('Discount (%)'), { target: { value: '120' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply discount' }));
    expect(await screen.findByText('Enter a percentage from 0 to 100, e.g. 10 or 12.5.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Discount (%)'), { target: { value: '12.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply discount' }));
    expect(await screen.findByText('Say why the discount is given.')).toBeTruthy();
    expect(view.gateway.named('ApplyInvoiceDiscount')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Reason for discount'), { target: { value: 'Hardship' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply discount' }));
    expect((await screen.findByRole('status')).textContent).toContain('$12.50 off');
    expect(view.gateway.named('ApplyInvoiceDiscount')[0]?.variables).toEqual({
      invoiceId: 'inv-1',
      discount: { discountBasisPoints: 1250, reason: 'Hardship' },
    });
  });
});
