import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { renderComponent } from '../../testing/render-component.tsx';
import { ResetMfaButton } from './ResetMfaButton.tsx';

afterEach(cleanup);

const nurse = { id: 'acc-9', displayName: 'Nia Nurse' };

describe("an admin resets a person's two-step sign-in", () => {
  it('sends the account and says it is done', async () => {
    const view = renderComponent(() => <ResetMfaButton account={nurse} />, { handlers: { ResetMfa: () => ({ data: { resetMfa: true } }) } });
    fireEvent.click(screen.getByRole('button', { name: 'Reset two-step sign-in for Nia Nurse' }));
    expect((await screen.findByRole('status')).textContent).toBe('Two-step sign-in reset');
    expect(view.gateway.named('ResetMfa').map((s) => s.variables)).toEqual([{ accountId: 'acc-9' }]);
  });

  it('shows a refusal in plain words and keeps the button', async () => {
    renderComponent(() => <ResetMfaButton account={nurse} />, { handlers: { ResetMfa: () => apiError('MFA_REQUIRED', 'Your role needs two-step sign-in') } });
    fireEvent.click(screen.getByRole('button', { name: 'Reset two-step sign-in for Nia Nurse' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Your role needs two-step sign-in.');
    expect(screen.getByRole('button', { name: 'Reset two-step sign-in for Nia Nurse' })).toBeTruthy();
  });
});
