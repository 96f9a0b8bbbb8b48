import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../testing/fake-gateway.ts';
import { accountWith, authPayload, renderApp } from '../testing/render-app.tsx';

afterEach(cleanup);

const admin = accountWith(['ADMIN'], { email: 'admin@clinigraph.local', displayName: 'Ada Admin' });

const enterPassword = () => {
  const form = screen.getByRole('form', { name: 'Sign in' });
  fireEvent.input(within(form).getByLabelText('E-mail'), { target: { value: 'admin@clinigraph.local' } });
  fireEvent.input(within(form).getByLabelText('Password'), { target: { value: 'clinigraph-demo' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Sign in' }));
};

const enterCode = async (code: string) => {
  const form = await screen.findByRole('form', { name: 'Two-step sign-in' });
  fireEvent.input(within(form).getByLabelText('Code'), { target: { value: code } });
  fireEvent.click(within(form).getByRole('button', { name: 'Sign in' }));
};

describe('signing in with two-step sign-in', () => {
  it('asks for a code after the password, sends it with the challenge, and signs in', async () => {
    const app = renderApp({
      path: '/sign-in',
      account: null,
      handlers: {
        Login: () => apiError('MFA_CHALLENGE', 'Enter the 6-digit code', { challenge: 'challenge-1' }),
        CompleteMfaSignIn: (v) =>
          v.code === '123456' ? { data: { completeMfaSignIn: authPayload(admin) } } : apiError('UNAUTHENTICATED', 'That code is not right'),
      },
    });
    enterPassword();
    await enterCode('111111');
    expect((await screen.findByRole('alert')).textContent).toContain('That code is not right');
    expect(app.history.get()).toBe('/sign-in');
    await enterCode(' 123456 ');
    await screen.findByRole('link', { name: 'Ada Admin' });
    expect(app.gateway.named('CompleteMfaSignIn').map((s) => s.variables)).toEqual([
      { challenge: 'challenge-1', code: '111111' },
      { challenge: 'challenge-1', code: '123456' },
    ]);
  });

  it('checks that a code was entered, and can start again from the password', async () => {
    const app = renderApp({ path: '/sign-in', account: null, handlers: { Login: () => apiError('MFA_CHALLENGE', 'Enter the code', { challenge: 'c' }) } });
    enterPassword();
    await enterCode('');
    expect(await screen.findByText('Enter the code from your authenticator app.')).toBeTruthy();
    expect(app.gateway.named('CompleteMfaSignIn')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Start again' }));
    expect(await screen.findByRole('form', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Two-step sign-in' })).toBeNull();
  });
});
