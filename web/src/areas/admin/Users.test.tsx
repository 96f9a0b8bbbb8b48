import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const nia = { id: 'acc-9', email: 'nurse@clinigraph.local', displayName: 'Nia Nurse', roles: ['NURSE'], status: 'ACTIVE', lastLoginAt: null };

describe('users and roles', () => {
  it('changes roles, and validates a new account before creating it', async () => {
    const app = renderApp({
      path: '/admin',
      account: accountWith(['ADMIN']),
      handlers: {
        Accounts: () => ({ data: { accounts: { nodes: [nia] } } }),
        UpdateAccount: (v) => ({ data: { updateAccount: { ...nia, roles: v.input.roles } } }),
        CreateAccount: (v) => ({
          data: { createAccount: { ...nia, id: 'acc-10', email: v.input.email, displayName: v.input.displayName, roles: v.input.roles } },
        }),
      },
    });
    const row = (await screen.findByText('Nia Nurse')).closest('tr')!;
    fireEvent.click(within(row).getByRole('checkbox', { name: 'Doctor' }));
    await waitFor(() => expect(app.gateway.named('UpdateAccount')[0]?.variables).toEqual({ id: 'acc-9', input: { roles: ['NURSE', 'DOCTOR'] } }));

    const form = screen.getByRole('form', { name: 'Create a staff account' });
    fireEvent.click(within(form).getByRole('button', { name: 'Create account' }));
    expect(await within(form).findByText('Choose at least one role.')).toBeTruthy();
    expect(app.gateway.named('CreateAccount')).toHaveLength(0);
    fireEvent.input(within(form).getByLabelText('E-mail'), { target: { value: 'lab2@clinigraph.local' } });
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Lou Lab' } });
    fireEvent.input(within(form).getByLabelText('Initial password'), { target: { value: 'lab-password-1' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Lab' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(app.gateway.named('CreateAccount')).toHaveLength(1));
    expect(app.gateway.named('CreateAccount')[0]?.variables.input).toEqual({
      email: 'lab2@clinigraph.local',
      displayName: 'Lou Lab',
      password: 'lab-password-1',
      roles: ['LAB'],
      facilityIds: ['fac-1'],
    });
  });
});

describe('sending a reset link', () => {
  const maria = { id: 'acc-1', email: 'maria@example.com', displayName: 'Maria Garcia', roles: ['PATIENT'], status: 'ACTIVE', lastLoginAt: null };
  const gone = { ...nia, id: 'acc-8', email: 'old@clinigraph.local', displayName: 'Old Timer', status: 'DEACTIVATED' };

  it('mails an active staff member a link and says so; patients and deactivated accounts get no button', async () => {
    const app = renderApp({
      path: '/admin',
      account: accountWith(['ADMIN']),
      handlers: {
        Accounts: () => ({ data: { accounts: { nodes: [maria, nia, gone] } } }),
        SendPasswordResetLink: () => ({ data: { sendPasswordResetLink: true } }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Send reset link to Nia Nurse' }));
    expect((await screen.findByText(/A password-reset link was sent to/)).textContent).toBe(
      'A password-reset link was sent to nurse@clinigraph.local. It works for one hour.',
    );
    expect(app.gateway.named('SendPasswordResetLink').map((s) => s.variables)).toEqual([{ id: 'acc-9' }]);
    expect(screen.queryByRole('button', { name: 'Send reset link to Maria Garcia' })).toBeNull();
    expect((screen.getByRole('button', { name: 'Send reset link to Old Timer' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says why the API refused', async () => {
    renderApp({
      path: '/admin',
      account: accountWith(['ADMIN']),
      handlers: {
        Accounts: () => ({ data: { accounts: { nodes: [nia] } } }),
        SendPasswordResetLink: () => apiError('TOO_MANY_REQUESTS', 'Three reset links were sent to this account in the last hour; try again later'),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Send reset link to Nia Nurse' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Too many attempts');
    expect(screen.queryByText(/A password-reset link was sent/)).toBeNull();
  });
});

describe('signing a user out everywhere', () => {
  it('ends every session of that account and says how many', async () => {
    const app = renderApp({
      path: '/admin',
      account: accountWith(['ADMIN']),
      handlers: {
        Accounts: () => ({ data: { accounts: { nodes: [nia] } } }),
        EndAccountSessions: () => ({ data: { endAccountSessions: 2 } }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out everywhere: Nia Nurse' }));
    expect(await screen.findByText('Nia Nurse was signed out everywhere (2 sessions ended).')).toBeTruthy();
    expect(app.gateway.named('EndAccountSessions').map((s) => s.variables)).toEqual([{ accountId: 'acc-9' }]);
  });

  it('shows a refusal from the API', async () => {
    renderApp({
      path: '/admin',
      account: accountWith(['ADMIN']),
      handlers: {
        Accounts: () => ({ data: { accounts: { nodes: [nia] } } }),
        EndAccountSessions: () => apiError('FORBIDDEN', 'You may not do this'),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out everywhere: Nia Nurse' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByText(/signed out everywhere/)).toBeNull();
  });
});
