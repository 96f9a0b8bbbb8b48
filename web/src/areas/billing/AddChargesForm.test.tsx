import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { invoiceDetail } from '../../testing/fixtures.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { AddChargesForm } from './AddChargesForm.tsx';

afterEach(cleanup);

const invoice = invoiceDetail({ status: 'DRAFT', issuedAt: null, dueDate: null });
const pending = (id: string, description: string, overrides: Record<string, unknown> = {}) => ({
  __typename: 'Charge',
  id,
  status: 'PENDING',
  serviceType: 'PROCEDURE',
  code: id,
  description,
  quantity: 1,
  unitPriceMinor: 2000,
  currency: 'USD',
  serviceDate: '2026-11-30',
  unpriced: false,
  voidReason: null,
  invoiceId: null,
  ...overrides,
});

describe('adding pending charges to a draft invoice', () => {
  it('offers priced charges in its currency, adds the ticked ones, and they leave the list', async () => {
    let charges = [
      pending('c-1', 'Dressing'),
      pending('c-2', 'Splint'),
      pending('c-3', 'Unpriced thing', { unpriced: true }),
      pending('c-4', 'Euro thing', { currency: 'EUR' }),
    ];
    const view = renderComponent(() => <AddChargesForm invoice={invoice} />, {
      account: accountWith(['BILLING']),
      handlers: {
        PatientCharges: (v) => {
          expect(v).toEqual({ patientId: 'pat-1', status: 'PENDING' });
          return { data: { charges: { nodes: charges } } };
        },
        AddChargesToInvoice: (v) => {
          charges = charges.filter((c) => !v.chargeIds.includes(c.id));
          return { data: { addChargesToInvoice: { ...invoice, __typename: 'Invoice' } } };
        },
      },
    });
    expect(await screen.findByLabelText(/Dressing/)).toBeTruthy();
    expect(screen.queryByLabelText(/Unpriced thing/)).toBeNull();
    expect(screen.queryByLabelText(/Euro thing/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add to invoice' }));
    expect(await screen.findByText('Tick the charges to add.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/Splint/));
    fireEvent.click(screen.getByRole('button', { name: 'Add to invoice' }));
    await waitFor(() => expect(screen.queryByLabelText(/Splint/)).toBeNull());
    expect(screen.getByLabelText(/Dressing/)).toBeTruthy();
    expect(view.gateway.named('AddChargesToInvoice')[0]?.variables).toEqual({ invoiceId: 'inv-1', chargeIds: ['c-2'] });
  });
});
