import { cleanup, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { choices } from '../../testing/fixtures.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const entry = (token: number, name: string, status: string, position: number | null) => ({
  token,
  position,
  status,
  appointment: { id: `appt-${token}`, patient: { displayName: name } },
});

describe('the queue display', () => {
  it('shows who is in the room and who waits, and follows queue changes live', async () => {
    const app = renderApp({
      path: '/reception/queue',
      account: accountWith(['RECEPTIONIST']),
      handlers: { BookingChoices: () => ({ data: choices }), Queue: () => ({ data: { queue: [entry(1, 'Maria Garcia', 'CHECKED_IN', 1)] } }) },
    });
    const waiting = await screen.findByRole('region', { name: 'Waiting' });
    expect(within(waiting).getByText(/Maria Garcia/)).toBeTruthy();
    await waitFor(() => expect(app.live.subscriptions).toHaveLength(1));
    expect(app.live.subscriptions[0]?.payload.variables?.providerId).toBe('prov-1');
    app.live.push('QueueChanged', {
      queueChanged: { cursor: '7', queue: [entry(1, 'Maria Garcia', 'IN_PROGRESS', null), entry(2, 'James Chen', 'CHECKED_IN', 1)] },
    });
    const seeing = screen.getByRole('region', { name: 'Now seeing' });
    expect(await within(seeing).findByText('#1')).toBeTruthy();
    expect(within(waiting).getByText(/James Chen/)).toBeTruthy();
    expect(within(waiting).queryByText(/Maria Garcia/)).toBeNull();
  });
});
