import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { RefundForm } from './RefundForm.tsx';

afterEach(cleanup);

const credit = [
  { currency: 'USD', balanceMinor: 4000 },
  { currency: 'EUR', balanceMinor: 900 },
];

describe('refunding credit', () => {
  it('refunds in the chosen currency, to a card with its reference', async () => {
    const view = renderComponent(() => <RefundForm patientId="pat-1" credit={credit} />, {
      account: accountWith(['BILLING']),
      handlers: {
        RefundPatientCredit: (v) => ({
          data: { refundPatientCredit: { id: 'rf-1', number: 'RF-000001', amountMinor: v.input.amountMinor, currency: v.input.currency } },
        }),
      },
    });
    fireEvent.change(screen.getByLabelText('Currency'), { target: { value: 'EUR' } });
    expect(screen.getByText('Available: €9.00')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Refund method'), { target: { value: 'CARD' } });
    fireEvent.input(screen.getByLabelText('Refund amount'), { target: { value: '9' } });
    fireEvent.input(screen.getByLabelText('Reason for refund'), { target: { value: 'Overpaid' } });
    fireEvent.click(screen.getByRole('button', { name: 'Refund' }));
    expect(await screen.findByText('Give the card refund reference.')).toBeTruthy();
    expect(view.gateway.named('RefundPatientCredit')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Refund reference'), { target: { value: 'CR-881' } });
    fireEvent.click(screen.getByRole('button', { name: 'Refund' }));
    expect((await screen.findByRole('status')).textContent).toContain('Refund RF-000001: €9.00 given back.');
    expect(view.gateway.named('RefundPatientCredit')[0]?.variables.input).toEqual({
      patientId: 'pat-1',
      currency: 'EUR',
      amountMinor: 900,
      method: 'CARD',
      reason: 'Overpaid',
      reference: 'CR-881',
    });
  });
});
