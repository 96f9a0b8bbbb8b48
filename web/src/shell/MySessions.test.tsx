import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../testing/fake-gateway.ts';
import { accountWith, renderApp } from '../testing/render-app.tsx';

afterEach(cleanup);

const nurse = accountWith(['NURSE'], { displayName: 'Nia Nurse', email: 'nurse@clinigraph.local' });

const here = {
  id: 'ses-1',
  device: 'Firefox on Linux',
  ip: '10.0.0.5',
  createdAt: '2026-11-30T08:00:00Z',
  lastUsedAt: '2026-11-30T09:00:00Z',
  expiresAt: '2026-11-30T20:00:00Z',
  current: true,
};
const phone = { ...here, id: 'ses-2', device: 'Safari on iOS', ip: '10.0.0.9', current: false };
const signIns = [
  { id: '3', at: '2026-11-30T08:00:00Z', outcome: 'SUCCEEDED', ip: '10.0.0.5' },
  { id: '2', at: '2026-11-30T07:59:00Z', outcome: 'FAILED', ip: '10.0.0.5' },
  { id: '1', at: '2026-11-29T07:00:00Z', outcome: 'LOCKED_OUT', ip: '192.0.2.1' },
];

describe('my sessions', () => {
  it('is reached from the header; lists where I am signed in and my recent sign-ins, refused ones included', async () => {
    const app = renderApp({
      path: '/no-access',
      account: nurse,
      handlers: { MySessions: () => ({ data: { mySessions: [phone, here], mySignIns: signIns } }) },
    });
    fireEvent.click(await screen.findByRole('link', { name: 'Sessions' }));
    expect(await screen.findByRole('heading', { name: 'Sessions' })).toBeTruthy();
    expect(app.history.get()).toBe('/account/sessions');
    const signedIn = await screen.findByRole('region', { name: 'Signed in' });
    const rows = within(signedIn).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Safari on iOS', 'Firefox on Linux']);
    expect(within(rows[1]!).getByText('This device')).toBeTruthy();
    expect(within(rows[1]!).queryByRole('button')).toBeNull();
    const history = screen.getByRole('region', { name: 'Recent sign-ins' });
    expect(within(history).getByText('Refused')).toBeTruthy();
    expect(within(history).getByText('Locked out after too many attempts')).toBeTruthy();
    expect(within(history).getByText('192.0.2.1')).toBeTruthy();
  });

  it('ends another session and shows the list without it', async () => {
    let sessions = [phone, here];
    const app = renderApp({
      path: '/account/sessions',
      account: nurse,
      handlers: {
        MySessions: () => ({ data: { mySessions: sessions, mySignIns: signIns } }),
        EndSession: (v) => {
          sessions = sessions.filter((s) => s.id !== v.id);
          return { data: { endSession: true } };
        },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'End the session on Safari on iOS' }));
    await waitFor(() => expect(screen.queryByText('Safari on iOS')).toBeNull());
    expect(app.gateway.named('EndSession').map((s) => s.variables)).toEqual([{ id: 'ses-2' }]);
    expect(screen.getByText('Firefox on Linux')).toBeTruthy();
  });

  it('says why a session could not be ended', async () => {
    renderApp({
      path: '/account/sessions',
      account: nurse,
      handlers: {
        MySessions: () => ({ data: { mySessions: [phone, here], mySignIns: [] } }),
        EndSession: () => apiError('NOT_FOUND', 'Session not found'),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'End the session on Safari on iOS' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByText('Safari on iOS')).toBeTruthy();
  });

  it('sends a signed-out visitor to sign-in first', async () => {
    const app = renderApp({ path: '/account/sessions' });
    expect(await screen.findByRole('form', { name: 'Sign in' })).toBeTruthy();
    await waitFor(() => expect(app.history.get()).toBe('/sign-in?next=%2Faccount%2Fsessions'));
  });
});
