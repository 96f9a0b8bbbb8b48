import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { appointment } from '../../testing/fixtures.ts';
import { accountWith, FACILITY, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const maria = accountWith(['PATIENT'], { patientId: 'pat-1', facilities: [] });
const future = (daysAhead: number, at: string) => {
  const a = appointment({ at });
  const shift = (iso: string) => new Date(Date.parse(iso) + daysAhead * 86_400_000).toISOString();
  return { ...a, startsAt: shift(a.startsAt), endsAt: shift(a.endsAt), localDate: shift(a.startsAt).slice(0, 10) };
};
const entry = {
  id: 'wl-1',
  status: 'OFFERED',
  earliest: '2030-01-01T00:00:00.000Z',
  latest: '2030-01-14T00:00:00.000Z',
  priority: 0,
  note: null,
  patient: { id: 'pat-1', displayName: 'Maria Garcia' },
  provider: null,
  type: { name: 'Consultation' },
  facility: { timezone: FACILITY.timezone },
  offers: [
    {
      id: 'offer-1',
      startsAt: '2030-01-03T15:00:00.000Z',
      expiresAt: '2030-01-02T15:00:00.000Z',
      status: 'PENDING',
      provider: { displayName: 'Dr. Amara Okafor' },
      facility: { timezone: FACILITY.timezone },
    },
  ],
};

describe('my appointments', () => {
  it('lists upcoming visits, follows changes live, and accepts a waitlist offer', async () => {
    const upcoming = { ...future(400, '09:00'), id: 'appt-1' };
    const app = renderApp({
      path: '/portal',
      account: maria,
      handlers: {
        MyAppointments: () => ({ data: { patient: { id: 'pat-1', appointments: [upcoming] }, waitlist: [entry] } }),
        AcceptOffer: () => ({ data: { acceptWaitlistOffer: { ...future(400, '10:00'), id: 'appt-2' } } }),
      },
    });
    expect(await screen.findByText(/Consultation with Dr. Amara Okafor at Riverside Clinic/)).toBeTruthy();
    expect(screen.getByText(/is free on/).textContent).toContain('Held for you until');
    await waitFor(() => expect(app.live.subscriptions).toHaveLength(1));
    expect(app.live.subscriptions[0]?.payload.variables).toEqual({ mine: true });
    app.live.push('AppointmentChanged', {
      appointmentChanged: {
        cursor: '5',
        kind: 'CANCELLED',
        occurredAt: '2026-11-24T09:30:00.000Z',
        appointment: { ...upcoming, status: 'CANCELLED', updatedAt: '2026-12-01T00:00:00.000Z' },
      },
    });
    expect(await screen.findByText('Cancelled')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Accept this time' }));
    await waitFor(() => expect(app.gateway.named('AcceptOffer')[0]?.variables).toEqual({ offerId: 'offer-1' }));
  });

  it('offers booking when there is nothing coming up', async () => {
    renderApp({
      path: '/portal',
      account: maria,
      handlers: { MyAppointments: () => ({ data: { patient: { id: 'pat-1', appointments: [] }, waitlist: [] } }) },
    });
    expect(await screen.findByText('No upcoming appointments.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Book an appointment' }).getAttribute('href')).toBe('/portal/book');
  });

  it('lists past visits newest first with how each ended, and marks a no-show live', async () => {
    const older = { ...future(-30, '09:00'), id: 'appt-old', status: 'COMPLETED' };
    const missed = { ...future(-1, '09:00'), id: 'appt-missed', status: 'CONFIRMED' };
    const app = renderApp({
      path: '/portal',
      account: maria,
      handlers: { MyAppointments: () => ({ data: { patient: { id: 'pat-1', appointments: [older, missed] }, waitlist: [] } }) },
    });
    const past = await screen.findByRole('list', { name: 'Past appointments' });
    expect([...past.querySelectorAll('li')].map((li) => li.querySelector('.badge')?.textContent)).toEqual(['Confirmed', 'Completed']);
    expect(screen.getByText('No upcoming appointments.')).toBeTruthy();
    await waitFor(() => expect(app.live.subscriptions).toHaveLength(1));
    app.live.push('AppointmentChanged', {
      appointmentChanged: {
        cursor: '9',
        kind: 'NO_SHOW',
        occurredAt: '2026-11-24T09:30:00.000Z',
        appointment: { ...missed, status: 'NO_SHOW', updatedAt: '2030-01-01T00:00:00.000Z' },
      },
    });
    expect(await screen.findByText('No show')).toBeTruthy();
  });
});
