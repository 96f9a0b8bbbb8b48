import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { invoiceDetail } from '../../testing/fixtures.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { LineDiscountForm } from './LineDiscountForm.tsx';

afterEach(cleanup);

const line = (id: string, description: string) => ({ id, description, code: id, quantity: 1, unitPriceMinor: 5000, totalMinor: 5000, creditedMinor: 0 });
const invoice = invoiceDetail({ status: 'DRAFT', issuedAt: null, dueDate: null, lines: [line('l-1', 'Consultation'), line('l-2', 'Blood panel')] });

describe('discounting one line of a draft invoice', () => {
  it('checks the percentage and reason, then sends basis points for the chosen line', async () => {
    const view = renderComponent(() => <LineDiscountForm invoice={invoice} />, {
      account: accountWith(['BILLING']),
      handlers: { SetInvoiceLineDiscount: () => ({ data: { setInvoiceLineDiscount: invoice } }) },
    });
    fireEvent.change(screen.getByLabelText('Line'), { target: { value: 'l-2' } });
    fireEvent.input(screen.getByLabelText('Line discount (%)'), { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Discount line' }));
    expect(await screen.findByText('Enter a percentage from 0 to 100, e.g. 10 or 12.5.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Line discount (%)'), { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Discount line' }));
    expect(await screen.findByText('Say why the discount is given.')).toBeTruthy();
    expect(view.gateway.named('SetInvoiceLineDiscount')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Reason for line discount'), { target: { value: 'Repeat test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Discount line' }));
    expect(await screen.findByText('Line discount saved.')).toBeTruthy();
    expect(view.gateway.named('SetInvoiceLineDiscount')[0]?.variables).toEqual({
      lineId: 'l-2',
      discount: { discountBasisPoints: 2000, reason: 'Repeat test' },
    });
  });

  it("puts the API's reason error next to the reason", async () => {
    renderComponent(() => <LineDiscountForm invoice={invoice} />, {
      account: accountWith(['BILLING']),
      handlers: {
        SetInvoiceLineDiscount: () =>
          apiError('BAD_USER_INPUT', 'reason: Too big', { issues: [{ path: 'discount.reason', message: 'Keep the reason under 200 characters.' }] }),
      },
    });
    fireEvent.input(screen.getByLabelText('Line discount (%)'), { target: { value: '5' } });
    fireEvent.input(screen.getByLabelText('Reason for line discount'), { target: { value: 'y'.repeat(300) } });
    fireEvent.click(screen.getByRole('button', { name: 'Discount line' }));
    const message = await screen.findByText('Keep the reason under 200 characters.', { selector: '.field-error' });
    expect(screen.getByLabelText('Reason for line discount').getAttribute('aria-describedby')).toContain(message.id);
  });
});
