import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../lib/roles.ts';
import { appointment } from '../../testing/fixtures.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

type Status = ReturnType<typeof appointment>['status'];
const entry = (action: string, toStatus: Status, at: string) => ({
  __typename: 'AppointmentHistoryEntry',
  action,
  toStatus,
  fromStartsAt: null,
  toStartsAt: null,
  reason: null,
  at,
});

/** One appointment's page against a gateway that keeps it and its history, which the visit moves change. */
function detail(roles: Role[], status: Status) {
  let stored = { ...appointment({ status }), history: [entry('booked', 'CONFIRMED', '2026-11-20T10:00:00.000Z')] };
  /** The visit moves answer the appointment's fields; its history comes with the page's next read. */
  const moved = (action: string, to: Status) => {
    stored = { ...stored, status: to, history: [...stored.history, entry(action, to, '2026-11-24T14:10:00.000Z')] };
    const { history: _history, ...appointmentFields } = stored;
    return appointmentFields;
  };
  return renderApp({
    path: '/reception/appointments/appt-1',
    account: accountWith(roles),
    handlers: {
      Appointment: () => ({ data: { appointment: stored } }),
      StartVisit: () => ({ data: { startAppointment: moved('start', 'IN_PROGRESS') } }),
      CompleteVisit: () => ({ data: { completeAppointment: moved('complete', 'COMPLETED') } }),
      MarkNoShow: () => ({ data: { markNoShow: moved('no_show', 'NO_SHOW') } }),
    },
  });
}

describe('an appointment’s page', () => {
  it('lets a nurse start and then complete a checked-in visit, adding each step to the history', async () => {
    const app = detail(['NURSE'], 'CHECKED_IN');
    fireEvent.click(await screen.findByRole('button', { name: 'Start visit' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Complete' }));
    expect(await screen.findByText(/Visit completed → Completed/)).toBeTruthy();
    expect(screen.getByText(/Visit started → In progress/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Start visit|Complete|Mark no-show/ })).toBeNull();
    expect(app.gateway.named('StartVisit')).toHaveLength(1);
  });

  it('lets reception mark a missed appointment a no-show, and nothing clinical', async () => {
    detail(['RECEPTIONIST'], 'CONFIRMED');
    expect(await screen.findByRole('button', { name: 'Check in' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Start visit|Complete/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Mark no-show' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm no-show' }));
    expect(await screen.findByText(/Marked no show → No show/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Check in' })).toBeNull();
  });
});
