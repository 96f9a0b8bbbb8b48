import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { VoidChargeForm } from './VoidChargeForm.tsx';

afterEach(cleanup);

describe('voiding a charge', () => {
  it("puts the API's reason error next to the reason, and can be cancelled", async () => {
    renderComponent(() => <VoidChargeForm chargeId="ch-1" label="Wound dressing" />, {
      account: accountWith(['BILLING']),
      handlers: { VoidCharge: () => apiError('BAD_USER_INPUT', 'Too big', { issues: [{ path: 'reason', message: 'Keep the reason under 500 characters.' }] }) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Void…' }));
    fireEvent.input(screen.getByLabelText('Reason for voiding'), { target: { value: 'z'.repeat(501) } });
    fireEvent.click(screen.getByRole('button', { name: 'Void charge' }));
    const message = await screen.findByText('Keep the reason under 500 characters.', { selector: '.field-error' });
    expect(screen.getByLabelText('Reason for voiding').getAttribute('aria-describedby')).toContain(message.id);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Void…' })).toBeTruthy();
  });
});
