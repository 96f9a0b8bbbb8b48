import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
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
        CreateAccount: (v) => ({ data: { createAccount: { ...nia, id: 'acc-10', ...v.input, status: 'ACTIVE' } } }),
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
