import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { invoiceDetail } from '../../testing/fixtures.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { InsurancePanel } from './InsurancePanel.tsx';
import type { PolicyInfo } from './insurance-queries.ts';

afterEach(cleanup);

const line = (id: string, description: string, totalMinor: number) => ({
  id,
  description,
  code: id,
  quantity: 1,
  unitPriceMinor: totalMinor,
  totalMinor,
  creditedMinor: 0,
});
const invoice = invoiceDetail({
  patient: { id: 'pat-1', displayName: 'Maya Chen' },
  lines: [line('il-1', 'Consultation', 10_000), line('il-2', 'Blood panel', 5_000)],
});

const policy: PolicyInfo = {
  id: 'pol-1',
  payer: 'Acme Health',
  memberId: 'M-77',
  groupNumber: null,
  coverageBasisPoints: 8000,
  copayMinor: null,
  currency: 'USD',
  validFrom: '2026-01-01',
  validTo: null,
  active: true,
};

describe('insurance on an invoice', () => {
  it('claims the ticked lines from an active policy', async () => {
    const view = renderComponent(() => <InsurancePanel invoice={invoice} />, {
      account: accountWith(['BILLING']),
      handlers: {
        InsurancePolicies: () => ({ data: { insurancePolicies: [policy] } }),
        CreateClaim: () => ({ data: { createClaim: { id: 'cl-1', number: 'CL-0007', status: 'DRAFT', claimedMinor: 4000 } } }),
      },
    });
    expect(await screen.findByText(/Acme Health · member M-77 · covers 80%/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/Blood panel/));
    fireEvent.click(screen.getByRole('button', { name: 'Create claim' }));
    expect((await screen.findByRole('status')).textContent).toContain('Draft claim CL-0007 for $40.00');
    expect(view.gateway.named('CreateClaim')[0]?.variables).toEqual({ invoiceId: 'inv-1', policyId: 'pol-1', invoiceLineIds: ['il-2'] });
  });

  it('checks a new policy before adding it and shows the API’s words when it refuses', async () => {
    const view = renderComponent(() => <InsurancePanel invoice={invoice} />, {
      account: accountWith(['BILLING']),
      handlers: {
        InsurancePolicies: () => ({ data: { insurancePolicies: [] } }),
        CreateInsurancePolicy: () => apiError('BAD_USER_INPUT', 'Invalid input', { issues: [{ path: 'input.memberId', message: 'Already on file' }] }),
      },
    });
    expect(await screen.findByText('No insurance on file.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create claim' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add policy' }));
    expect(await screen.findByText('Name the insurer.')).toBeTruthy();
    expect(screen.getByText('Enter a percentage from 0 to 100.')).toBeTruthy();
    expect(view.gateway.named('CreateInsurancePolicy')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Insurer'), { target: { value: 'Acme Health' } });
    fireEvent.input(screen.getByLabelText('Member ID'), { target: { value: 'M-77' } });
    fireEvent.change(screen.getByLabelText('Cover'), { target: { value: 'COPAY' } });
    fireEvent.input(screen.getByLabelText('Copay (USD)'), { target: { value: '20' } });
    fireEvent.input(screen.getByLabelText('Cover starts'), { target: { value: '2026-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add policy' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Member ID: Already on file.');
    await vi.waitFor(() =>
      expect(view.gateway.named('CreateInsurancePolicy')[0]?.variables.input).toEqual({
        patientId: 'pat-1',
        payer: 'Acme Health',
        memberId: 'M-77',
        currency: 'USD',
        validFrom: '2026-01-01',
        copayMinor: 2000,
      }),
    );
  });
});
