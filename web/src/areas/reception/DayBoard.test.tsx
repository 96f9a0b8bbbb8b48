import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError, type Handler } from '../../testing/fake-gateway.ts';
import { appointment, choices, WEBER } from '../../testing/fixtures.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const receptionist = accountWith(['RECEPTIONIST']);
const gpTuesdays = {
  provider: { id: 'prov-1' },
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  active: true,
  rules: [{ weekday: 2, startTime: '09:00', endTime: '17:00', breaks: [{ start: '12:30', end: '13:30' }], effectiveFrom: null, effectiveTo: null }],
};

/** The board against a gateway that keeps one appointment, which the state moves change. */
function board(account = receptionist, handlers: Record<string, Handler> = {}) {
  let stored = appointment();
  return renderApp({
    path: '/reception?day=2026-11-24',
    account,
    handlers: {
      BookingChoices: () => ({ data: choices }),
      DayAppointments: () => ({ data: { appointments: [stored] } }),
      ScheduledDay: () => ({ data: { schedules: [gpTuesdays], scheduleExceptions: [] } }),
      CheckIn: () => {
        stored = { ...stored, status: 'CHECKED_IN', queueToken: 3, updatedAt: '2026-11-24T02:00:00.000Z' };
        return { data: { checkInAppointment: stored } };
      },
      MarkNoShow: () => {
        stored = { ...stored, status: 'NO_SHOW', updatedAt: '2026-11-24T16:00:00.000Z' };
        return { data: { markNoShow: stored } };
      },
      StartVisit: () => {
        stored = { ...stored, status: 'IN_PROGRESS', updatedAt: '2026-11-24T03:00:00.000Z' };
        return { data: { startAppointment: stored } };
      },
      CompleteVisit: () => {
        stored = { ...stored, status: 'COMPLETED', updatedAt: '2026-11-24T04:00:00.000Z' };
        return { data: { completeAppointment: stored } };
      },
      ...handlers,
    },
  });
}

describe('the reception day board', () => {
  it('shows each provider’s day and adds a booking made elsewhere as it happens, announcing it', async () => {
    const app = board();
    const okafor = await screen.findByRole('region', { name: 'Dr. Amara Okafor' });
    expect(await within(okafor).findByText('Maria Garcia')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Dr. Jonas Weber' })).getByText('No appointments.')).toBeTruthy();
    await waitFor(() => expect(app.live.subscriptions).toHaveLength(1));
    expect(app.live.subscriptions[0]?.payload.variables).toEqual({ day: '2026-11-24', facilityId: 'fac-1' });
    expect(app.live.connectionParams[0]).toEqual({ authorization: 'Bearer access-1' });

    const booked = appointment({ id: 'appt-2', at: '10:30', provider: WEBER, patient: { id: 'pat-3', displayName: 'Aisha Khan', mrn: 'CG3' } });
    app.live.push('AppointmentChanged', { appointmentChanged: { cursor: '41', kind: 'BOOKED', occurredAt: booked.updatedAt, appointment: booked } });
    const weber = screen.getByRole('region', { name: 'Dr. Jonas Weber' });
    expect(await within(weber).findByText('Aisha Khan')).toBeTruthy();
    expect(screen.getByText(/Just now: Aisha Khan — Booked 10:30 AM \(New York time\) with Dr. Jonas Weber/)).toBeTruthy();
    expect(screen.getByText('Live')).toBeTruthy();
    expect(screen.getByText(/^Utilisation:/).textContent).toBe('Utilisation: Dr. Amara Okafor 5% · Dr. Jonas Weber not working');
  });

  it('still shows an appointment whose patient people cannot give (people down), saying the name is unavailable', async () => {
    board(receptionist, { DayAppointments: () => ({ data: { appointments: [{ ...appointment(), patient: null }] } }) });
    const okafor = await screen.findByRole('region', { name: 'Dr. Amara Okafor' });
    expect(await within(okafor).findByText('Patient unavailable')).toBeTruthy();
    expect(within(okafor).getByRole('button', { name: 'Check in' })).toBeTruthy();
  });

  it('drops an appointment moved to another day', async () => {
    const app = board();
    await screen.findByText('Maria Garcia');
    await waitFor(() => expect(app.live.subscriptions).toHaveLength(1));
    app.live.push('AppointmentChanged', {
      appointmentChanged: {
        cursor: '42',
        kind: 'RESCHEDULED',
        occurredAt: '2026-11-24T14:10:00.000Z',
        appointment: appointment({ localDate: '2026-11-25', updatedAt: '2026-11-24T03:00:00.000Z' }),
      },
    });
    await waitFor(() => expect(screen.queryByText('Maria Garcia')).toBeNull());
  });

  it('checks a patient in and shows the queue token', async () => {
    const app = board();
    fireEvent.click(await screen.findByRole('button', { name: 'Check in' }));
    expect(await screen.findByText('#3')).toBeTruthy();
    expect(screen.getByText('Checked in')).toBeTruthy();
    expect(app.gateway.named('CheckIn')[0]?.variables).toEqual({ id: 'appt-1' });
  });

  it('marks a patient who never came a no-show, after confirming', async () => {
    const app = board();
    fireEvent.click(await screen.findByRole('button', { name: 'Mark no-show' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm no-show' }));
    expect(await screen.findByText('No show')).toBeTruthy();
    expect(app.gateway.named('MarkNoShow').map((s) => s.variables)).toEqual([{ id: 'appt-1' }]);
    expect(screen.queryByRole('button', { name: 'Mark no-show' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Check in' })).toBeNull();
  });

  it('tells reception in plain words when the appointment moved on before the no-show', async () => {
    board(receptionist, { MarkNoShow: () => apiError('INVALID_STATE', 'This appointment is checked in, so it cannot be marked a no-show.') });
    fireEvent.click(await screen.findByRole('button', { name: 'Mark no-show' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm no-show' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This appointment is checked in, so it cannot be marked a no-show.');
  });

  it('lets a nurse at reception start the visit of a checked-in patient and complete it', async () => {
    const app = board(accountWith(['NURSE']));
    expect(screen.queryByRole('button', { name: 'Start visit' })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Check in' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Start visit' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Complete' }));
    expect(await screen.findByText('Completed')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Complete' })).toBeNull();
    expect(app.gateway.named('StartVisit').map((s) => s.variables)).toEqual([{ id: 'appt-1' }]);
    expect(app.gateway.named('CompleteVisit').map((s) => s.variables)).toEqual([{ id: 'appt-1' }]);
  });
});
