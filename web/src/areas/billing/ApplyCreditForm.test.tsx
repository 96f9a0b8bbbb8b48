import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { invoiceDetail } from '../../testing/fixtures.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { ApplyCreditForm } from './ApplyCreditForm.tsx';

afterEach(cleanup);

const invoice = invoiceDetail({ balanceMinor: 3000 });
const credit = (balanceMinor: number) => ({ data: { patientCredit: [{ __typename: 'PatientCredit', currency: 'USD', balanceMinor }] } });

describe('paying an invoice out of patient credit', () => {
  it('applies what it can, then shows the credit left', async () => {
    let balance = 5000;
    const view = renderComponent(() => <ApplyCreditForm invoice={invoice} />, {
      account: accountWith(['BILLING']),
      handlers: {
        PatientCredit: () => credit(balance),
        ApplyPatientCredit: () => {
          balance -= 3000;
          return {
            data: {
              applyPatientCredit: {
                __typename: 'Payment',
                id: 'pay-9',
                number: 'RCPT-000009',
                appliedMinor: 3000,
                invoice: { __typename: 'Invoice', id: 'inv-1', status: 'PAID', balanceMinor: 0, paidMinor: 3000 },
              },
            },
          };
        },
      },
    });
    expect(await screen.findByText('$50.00 of credit available.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Credit to apply'), { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply credit' }));
    expect(await screen.findByText('Enter an amount up to $30.00.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Credit to apply'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply credit' }));
    expect(await screen.findByText('$30.00 of credit applied, receipt RCPT-000009.')).toBeTruthy();
    expect(await screen.findByText('$20.00 of credit available.')).toBeTruthy();
    expect(view.gateway.named('ApplyPatientCredit')[0]?.variables).toEqual({ invoiceId: 'inv-1' });
  });

  it('says in plain words when the credit is gone', async () => {
    renderComponent(() => <ApplyCreditForm invoice={invoice} />, {
      account: accountWith(['BILLING']),
      handlers: { PatientCredit: () => credit(1000), ApplyPatientCredit: () => apiError('INVALID_STATE', 'The patient has less than that in USD credit') },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Apply credit' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The patient has less than that in USD credit');
  });

  it('shows nothing when the patient has no credit', async () => {
    const view = renderComponent(() => <ApplyCreditForm invoice={invoice} />, {
      account: accountWith(['BILLING']),
      handlers: { PatientCredit: () => credit(0) },
    });
    await waitFor(() => expect(view.gateway.named('PatientCredit')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('form', { name: 'Apply credit' })).toBeNull();
  });
});
