import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { DeactivatePolicyButton } from './DeactivatePolicyButton.tsx';

afterEach(cleanup);

describe('deactivating an insurance policy', () => {
  it('asks once more, then deactivates it', async () => {
    const view = renderComponent(() => <DeactivatePolicyButton policyId="pol-1" payer="Acme Health" />, {
      account: accountWith(['BILLING']),
      handlers: { DeactivateInsurancePolicy: () => ({ data: { deactivateInsurancePolicy: { id: 'pol-1', active: false, validTo: '2026-11-30' } } }) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Deactivate…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(view.gateway.named('DeactivateInsurancePolicy')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Deactivate…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Deactivate Acme Health policy' }));
    expect(await screen.findByRole('button', { name: 'Deactivate…' })).toBeTruthy();
    expect(view.gateway.named('DeactivateInsurancePolicy')[0]?.variables).toEqual({ id: 'pol-1' });
  });

  it('says why it cannot', async () => {
    renderComponent(() => <DeactivatePolicyButton policyId="pol-1" payer="Acme Health" />, {
      account: accountWith(['BILLING']),
      handlers: { DeactivateInsurancePolicy: () => apiError('INVALID_STATE', 'This policy is already inactive') },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Deactivate…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Deactivate Acme Health policy' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This policy is already inactive');
  });
});
