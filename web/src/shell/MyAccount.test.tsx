import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError, type Handler } from '../testing/fake-gateway.ts';
import { accountWith, authPayload, renderApp } from '../testing/render-app.tsx';

afterEach(cleanup);

const nurse = accountWith(['NURSE'], { displayName: 'Nia Nurse', email: 'nurse@clinigraph.local' });
const patient = accountWith(['PATIENT'], { displayName: 'Maria Garcia', email: 'maria@example.com', patientId: 'pat-1', facilities: [] });

const change = (current: string, next: string, again = next) => {
  const form = screen.getByRole('form', { name: 'Change your password' });
  fireEvent.input(within(form).getByLabelText('Current password'), { target: { value: current } });
  fireEvent.input(within(form).getByLabelText('New password'), { target: { value: next } });
  fireEvent.input(within(form).getByLabelText('New password again'), { target: { value: again } });
  fireEvent.click(within(form).getByRole('button', { name: 'Change password' }));
};

const rightPassword: Handler = (v) =>
  v.currentPassword === 'clinigraph-demo'
    ? { data: { changePassword: authPayload(nurse, 'access-2', 'refresh-2') } }
    : apiError('BAD_USER_INPUT', 'currentPassword: is wrong', { issues: [{ path: 'currentPassword', message: 'is wrong' }] });

describe('my account: changing the password', () => {
  it('is reached from the name in the header; a wrong current password is said beside it', async () => {
    const app = renderApp({ path: '/no-access', account: nurse, handlers: { ChangePassword: rightPassword } });
    fireEvent.click(await screen.findByRole('link', { name: 'Nia Nurse' }));
    expect(await screen.findByRole('heading', { name: 'My account' })).toBeTruthy();
    expect(app.history.get()).toBe('/account');

    change('not my password', 'a brand new password');
    expect(await screen.findByText('This is not your current password.')).toBeTruthy();
    expect(screen.queryByText(/Your password has been changed/)).toBeNull();
    expect(app.session.accessToken()).toBe('access-1');
  });

  it('keeps this tab signed in with the fresh session the API answers', async () => {
    const app = renderApp({ path: '/account', account: nurse, handlers: { ChangePassword: rightPassword } });
    await screen.findByRole('form', { name: 'Change your password' });
    change('clinigraph-demo', 'a brand new password');
    expect(await screen.findByText(/Your password has been changed\. Other devices/)).toBeTruthy();
    expect(app.gateway.named('ChangePassword').map((s) => s.variables)).toEqual([{ currentPassword: 'clinigraph-demo', newPassword: 'a brand new password' }]);
    expect(app.session.accessToken()).toBe('access-2');
    expect(app.session.refreshToken()).toBe('refresh-2');
    expect((screen.getByLabelText('Current password') as HTMLInputElement).value).toBe('');
  });

  it('checks before sending: the current password, the API’s rule, a different and repeated new one', async () => {
    const app = renderApp({ path: '/account', account: patient, handlers: { ChangePassword: rightPassword } });
    expect(await screen.findByRole('heading', { name: 'My account' })).toBeTruthy();
    expect(screen.getByText('Patient')).toBeTruthy();
    change('', 'short', 'short');
    expect(await screen.findByText('Enter your current password.')).toBeTruthy();
    expect(screen.getByText('Use at least 10 characters.')).toBeTruthy();
    change('clinigraph-demo', 'clinigraph-demo');
    expect(await screen.findByText('Choose a password different from your current one.')).toBeTruthy();
    change('clinigraph-demo', 'a brand new password', 'a brand new pass');
    expect(await screen.findByText('The two passwords are not the same.')).toBeTruthy();
    expect(app.gateway.named('ChangePassword')).toHaveLength(0);
  });

  it('sends a signed-out visitor to sign-in first', async () => {
    const app = renderApp({ path: '/account' });
    expect(await screen.findByRole('form', { name: 'Sign in' })).toBeTruthy();
    await waitFor(() => expect(app.history.get()).toBe('/sign-in?next=%2Faccount'));
  });
});
