import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { SignInActivity } from './SignInActivity.tsx';

afterEach(cleanup);

const doctor = {
  __typename: 'Account',
  id: 'a-doctor',
  email: 'doctor@clinigraph.local',
  displayName: 'Amara Okafor',
  roles: ['DOCTOR'],
  status: 'ACTIVE',
  lastLoginAt: null,
};
const attempt = (id: string, outcome: string, reason: string | null) => ({
  id,
  at: '2026-11-30T14:05:00Z',
  outcome,
  reason,
  ip: '10.0.0.7',
  accountId: doctor.id,
  account: { displayName: doctor.displayName, email: doctor.email },
});

describe('sign-in activity', () => {
  it('lists sign-ins in words, marks the refused ones, and pages on to older attempts', async () => {
    const app = renderComponent(() => <SignInActivity />, {
      account: accountWith(['ADMIN']),
      handlers: {
        Accounts: () => ({ data: { accounts: { nodes: [doctor] } } }),
        SignInActivity: (v) =>
          v.after
            ? { data: { signInActivity: { nodes: [attempt('s3', 'SUCCEEDED', null)], pageInfo: { hasNextPage: false, endCursor: null } } } }
            : {
                data: {
                  signInActivity: {
                    nodes: [attempt('s1', 'LOCKED_OUT', 'too many attempts'), attempt('s2', 'MFA_FAILED', null)],
                    pageInfo: { hasNextPage: true, endCursor: 'c1' },
                  },
                },
              },
      },
    });
    const locked = (await screen.findByRole('cell', { name: 'Locked out after too many attempts' })).closest('tr')!;
    expect(locked.classList.contains('flagged')).toBe(true);
    expect(locked.textContent).toContain('Amara Okafor (doctor@clinigraph.local)');
    expect(screen.getByRole('cell', { name: 'Wrong two-step code' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Load older sign-ins' }));
    const ok = (await screen.findByRole('cell', { name: 'Signed in' })).closest('tr')!;
    expect(ok.classList.contains('flagged')).toBe(false);
    expect(app.gateway.named('SignInActivity').at(-1)?.variables.after).toBe('c1');
    expect(screen.queryByRole('button', { name: 'Load older sign-ins' })).toBeNull();
  });

  it('filters by result and account, starting again from the newest page', async () => {
    const app = renderComponent(() => <SignInActivity />, {
      account: accountWith(['ADMIN']),
      handlers: {
        Accounts: () => ({ data: { accounts: { nodes: [doctor] } } }),
        SignInActivity: () => ({
          data: { signInActivity: { nodes: [attempt('s1', 'FAILED', 'wrong password')], pageInfo: { hasNextPage: false, endCursor: null } } },
        }),
      },
    });
    await screen.findByRole('cell', { name: 'Refused' });
    fireEvent.change(screen.getByLabelText('Result'), { target: { value: 'FAILED' } });
    await screen.findByRole('option', { name: 'Amara Okafor (doctor@clinigraph.local)' });
    fireEvent.change(screen.getByLabelText('Account'), { target: { value: doctor.id } });
    await waitFor(() =>
      expect(app.gateway.named('SignInActivity').at(-1)?.variables).toMatchObject({ filter: { outcome: 'FAILED', accountId: doctor.id }, after: null }),
    );
  });
});
