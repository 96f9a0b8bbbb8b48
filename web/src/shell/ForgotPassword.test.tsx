import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../testing/fake-gateway.ts';
import { renderApp } from '../testing/render-app.tsx';

afterEach(cleanup);

const ask = (email: string) => {
  const form = screen.getByRole('form', { name: 'Forgot your password' });
  fireEvent.input(within(form).getByLabelText('E-mail'), { target: { value: email } });
  fireEvent.click(within(form).getByRole('button', { name: 'Send me a reset link' }));
};

describe('forgot password', () => {
  it('is a link on the sign-in page; it checks the e-mail, then always says the same', async () => {
    const app = renderApp({ path: '/sign-in', handlers: { RequestPasswordReset: () => ({ data: { requestPasswordReset: true } }) } });
    fireEvent.click(await screen.findByRole('link', { name: 'Forgot your password?' }));
    await screen.findByRole('form', { name: 'Forgot your password' });
    expect(app.history.get()).toBe('/forgot-password');

    ask('not an e-mail');
    expect(await screen.findByText('Enter a valid e-mail address.')).toBeTruthy();
    expect(app.gateway.named('RequestPasswordReset')).toHaveLength(0);

    ask('  maria@example.com ');
    const sent = await screen.findByRole('status');
    expect(app.gateway.named('RequestPasswordReset').map((s) => s.variables)).toEqual([{ email: 'maria@example.com' }]);
    expect(within(sent).getByRole('heading', { name: 'Check your e-mail' })).toBeTruthy();
    expect(sent.textContent).toContain('If maria@example.com belongs to a Clinigraph account, we have sent it a link to choose a new password.');

    fireEvent.click(within(sent).getByRole('button', { name: 'Send another link' }));
    ask('nobody@example.com');
    expect((await screen.findByRole('status')).textContent).toBe(sent.textContent?.replace('maria@example.com', 'nobody@example.com'));
  });

  it('says when the gateway refuses too many attempts, and confirms nothing', async () => {
    renderApp({ path: '/forgot-password', handlers: { RequestPasswordReset: () => apiError('TOO_MANY_REQUESTS', 'Too many requests') } });
    ask('maria@example.com');
    expect((await screen.findByRole('alert')).textContent).toContain('Too many attempts. Wait a moment and try again.');
    expect(screen.queryByRole('status')).toBeNull();
  });
});
