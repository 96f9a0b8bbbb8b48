import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError, type Handler } from '../testing/fake-gateway.ts';
import { accountWith, renderApp } from '../testing/render-app.tsx';

afterEach(cleanup);

const choose = (password: string, again = password) => {
  const form = screen.getByRole('form', { name: 'Choose a new password' });
  fireEvent.input(within(form).getByLabelText('New password'), { target: { value: password } });
  fireEvent.input(within(form).getByLabelText('New password again'), { target: { value: again } });
  fireEvent.click(within(form).getByRole('button', { name: 'Save new password' }));
};

const open = (handler: Handler, path = '/reset-password?token=tok-1') => renderApp({ path, handlers: { ResetPassword: handler } });

describe('the reset page the e-mail links to', () => {
  it('checks the password as the API does, sends it with the token, then offers the sign-in', async () => {
    const app = open(() => ({ data: { resetPassword: true } }));
    await screen.findByRole('form', { name: 'Choose a new password' });
    choose('too short');
    expect(await screen.findByText('Use at least 10 characters.')).toBeTruthy();
    choose('x'.repeat(201));
    expect(await screen.findByText('Use at most 200 characters.')).toBeTruthy();
    choose('a good new password', 'a good new passwort');
    expect(await screen.findByText('The two passwords are not the same.')).toBeTruthy();
    expect(app.gateway.named('ResetPassword')).toHaveLength(0);

    choose('a good new password');
    const done = await screen.findByRole('status');
    expect(app.gateway.named('ResetPassword').map((s) => s.variables)).toEqual([{ token: 'tok-1', newPassword: 'a good new password' }]);
    expect(within(done).getByRole('heading', { name: 'Your password has been changed' })).toBeTruthy();
    fireEvent.click(within(done).getByRole('link', { name: 'Sign in with your new password' }));
    expect(await screen.findByRole('form', { name: 'Sign in' })).toBeTruthy();
  });

  it.each([
    ['an expired link', apiError('INVALID_STATE', 'expired', { rule: 'RESET_LINK_EXPIRED' }), 'This reset link has expired. Links work for one hour.'],
    ['a used link', apiError('INVALID_STATE', 'used', { rule: 'RESET_LINK_USED' }), 'This reset link has already been used. Each link works once.'],
    [
      'an unknown link',
      apiError('BAD_USER_INPUT', 'not valid', { issues: [{ path: 'token', message: 'is not a valid reset link' }] }),
      'This reset link is not valid. Check that you opened the whole link from the e-mail.',
    ],
  ])('says what is wrong with %s and offers a new one', async (_case, answer, words) => {
    const app = open(() => answer);
    await screen.findByRole('form', { name: 'Choose a new password' });
    choose('a good new password');
    const refused = await screen.findByRole('alert');
    expect(within(refused).getByRole('heading', { name: 'This link cannot be used' })).toBeTruthy();
    expect(refused.textContent).toContain(words);
    fireEvent.click(within(refused).getByRole('link', { name: 'Ask for a new link' }));
    expect(await screen.findByRole('form', { name: 'Forgot your password' })).toBeTruthy();
    expect(app.history.get()).toBe('/forgot-password');
  });

  it('without a token, explains where the link comes from', async () => {
    const app = open(() => ({ data: { resetPassword: true } }), '/reset-password');
    expect(await screen.findByText(/This page needs the link from your password-reset e-mail/)).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe('/forgot-password');
    expect(app.gateway.named('ResetPassword')).toHaveLength(0);
  });

  it('drops a session this tab held, since the reset ended it on the server', async () => {
    const app = renderApp({
      path: '/reset-password?token=tok-2',
      account: accountWith(['NURSE']),
      handlers: { ResetPassword: () => ({ data: { resetPassword: true } }) },
    });
    expect(app.session.account()).not.toBeNull();
    await screen.findByRole('form', { name: 'Choose a new password' });
    choose('a good new password');
    await screen.findByRole('heading', { name: 'Your password has been changed' });
    expect(app.session.account()).toBeNull();
    expect(app.storage.getItem('clinigraph.session')).toBeNull();
  });
});
