import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { PatientCreditPanel } from './PatientCreditPanel.tsx';

afterEach(cleanup);

describe("a patient's credit", () => {
  it('refunds part of it and the balance updates without a reload', async () => {
    let balance = 4000;
    const view = renderComponent(() => <PatientCreditPanel patientId="pat-1" />, {
      account: accountWith(['BILLING']),
      handlers: {
        PatientCredit: () => ({ data: { patientCredit: [{ __typename: 'PatientCredit', currency: 'USD', balanceMinor: balance }] } }),
        RefundPatientCredit: (v) => {
          balance -= v.input.amountMinor;
          return {
            data: { refundPatientCredit: { __typename: 'Refund', id: 'rf-1', number: 'RF-000001', amountMinor: v.input.amountMinor, currency: 'USD' } },
          };
        },
      },
    });
    expect(await screen.findByText('$40.00 available')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Refund amount'), { target: { value: '50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Refund' }));
    expect(await screen.findByText('Enter an amount up to $40.00.')).toBeTruthy();
    expect(screen.getByText('Say why the money is given back.')).toBeTruthy();
    expect(view.gateway.named('RefundPatientCredit')).toHaveLength(0);

    fireEvent.input(screen.getByLabelText('Refund amount'), { target: { value: '15' } });
    fireEvent.input(screen.getByLabelText('Reason for refund'), { target: { value: 'Deposit returned' } });
    fireEvent.click(screen.getByRole('button', { name: 'Refund' }));
    expect(await screen.findByText('$25.00 available')).toBeTruthy();
    expect(view.gateway.named('RefundPatientCredit')[0]?.variables.input).toEqual({
      patientId: 'pat-1',
      currency: 'USD',
      amountMinor: 1500,
      method: 'CASH',
      reason: 'Deposit returned',
    });
  });

  it("shows the API's field errors next to the field", async () => {
    renderComponent(() => <PatientCreditPanel patientId="pat-1" />, {
      account: accountWith(['BILLING']),
      handlers: {
        PatientCredit: () => ({ data: { patientCredit: [{ currency: 'USD', balanceMinor: 4000 }] } }),
        RefundPatientCredit: () =>
          apiError('BAD_USER_INPUT', 'reason: Too big', { issues: [{ path: 'input.reason', message: 'Keep the reason under 500 characters.' }] }),
      },
    });
    fireEvent.input(await screen.findByLabelText('Refund amount'), { target: { value: '10' } });
    fireEvent.input(screen.getByLabelText('Reason for refund'), { target: { value: 'x'.repeat(600) } });
    fireEvent.click(screen.getByRole('button', { name: 'Refund' }));
    const message = await screen.findByText('Keep the reason under 500 characters.', { selector: '.field-error' });
    expect(screen.getByLabelText('Reason for refund').getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.queryByText(/Too big/)).toBeNull();
  });
});
