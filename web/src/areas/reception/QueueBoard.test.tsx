import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { appointment, choices } from '../../testing/fixtures.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const entry = (token: number, name: string, status: string, position: number | null) => ({
  __typename: 'QueueEntry',
  token,
  position,
  status,
  appointment: { __typename: 'Appointment', id: `appt-${token}`, patient: { __typename: 'Patient', displayName: name } },
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

  it('lets a nurse start and complete visits from the day’s list; reception only watches', async () => {
    let queue = [entry(1, 'Maria Garcia', 'IN_PROGRESS', null), entry(2, 'James Chen', 'CHECKED_IN', 1)];
    const moved = (id: string, status: string) => {
      queue = queue.map((e) => (e.appointment.id === id ? { ...e, status, position: null } : e));
      return appointment({ id, status: status as 'IN_PROGRESS' });
    };
    const handlers = {
      BookingChoices: () => ({ data: choices }),
      Queue: () => ({ data: { queue } }),
      StartVisit: (v: Record<string, string>) => ({ data: { startAppointment: moved(v.id!, 'IN_PROGRESS') } }),
      CompleteVisit: (v: Record<string, string>) => ({ data: { completeAppointment: moved(v.id!, 'COMPLETED') } }),
    };
    const reception = renderApp({ path: '/reception/queue', account: accountWith(['RECEPTIONIST']), handlers });
    await screen.findByRole('region', { name: 'Waiting' });
    expect(screen.queryAllByRole('button', { name: /Start visit|Complete/ })).toEqual([]);
    reception.unmount();

    const app = renderApp({ path: '/reception/queue', account: accountWith(['NURSE']), handlers });
    const everyone = () => screen.getByText('Everyone today').parentElement!;
    fireEvent.click(await screen.findByRole('button', { name: 'Complete' }));
    const rows = () =>
      within(everyone())
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    await waitFor(() => expect(rows()).toEqual(['#1 Maria Garcia — Completed', '#2 James Chen — Checked inStart visit']));
    fireEvent.click(screen.getByRole('button', { name: 'Start visit' }));
    await waitFor(() => expect(rows()).toEqual(['#1 Maria Garcia — Completed', '#2 James Chen — In progressComplete']));
    expect(app.gateway.named('CompleteVisit').map((s) => s.variables)).toEqual([{ id: 'appt-1' }]);
    expect(app.gateway.named('StartVisit').map((s) => s.variables)).toEqual([{ id: 'appt-2' }]);
  });
});
