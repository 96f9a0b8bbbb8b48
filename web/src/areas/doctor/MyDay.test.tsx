import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { localDate } from '../../lib/format.ts';
import { appointment } from '../../testing/fixtures.ts';
import { accountWith, FACILITY, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const request = {
  id: 'rr-1',
  kind: 'REFILL',
  patientNote: 'Running low',
  requestedAt: '2026-11-24T09:00:00.000Z',
  prescription: {
    id: 'rx-1',
    patient: { id: 'pat-1', displayName: 'Maria Garcia' },
    items: [{ medicineName: 'Salbutamol inhaler', dose: '2 puffs', frequency: 'as needed' }],
  },
};

const waiting = (id: string, displayName: string, status: 'OPEN' | 'IN_CONSULTATION' | 'CLOSED', providerId = 'prov-1') => ({
  id: `enc-${id}`,
  status,
  openedAt: '2026-11-24T14:05:00.000Z',
  chiefComplaint: null,
  patient: { id: `pat-${id}`, displayName },
  provider: { id: providerId },
});

const encounterChanged = (encounter: ReturnType<typeof waiting>, cursor: string) => ({
  encounterChanged: { cursor, status: encounter.status, encounter },
});

describe('my day', () => {
  it('lists who waits, follows my own appointments live, and decides refill requests', async () => {
    const app = renderApp({
      path: '/doctor',
      account: accountWith(['DOCTOR'], { providerId: 'prov-1' }),
      handlers: {
        EncounterQueue: () => ({
          data: {
            encounterQueue: [
              {
                id: 'enc-1',
                status: 'OPEN',
                openedAt: '2026-11-24T14:05:00.000Z',
                chiefComplaint: 'Cough',
                patient: { id: 'pat-1', displayName: 'Maria Garcia' },
                provider: { id: 'prov-1' },
              },
            ],
          },
        }),
        DayAppointments: () => ({ data: { appointments: [] } }),
        PendingRenewals: () => ({ data: { pendingRenewalRequests: [request] } }),
        DecideRenewal: () => ({
          data: { decideRenewalRequest: { id: 'rr-1', status: 'APPROVED', newPrescription: { id: 'rx-2', encounter: { id: 'enc-0' } } } },
        }),
      },
    });
    expect((await screen.findByRole('link', { name: 'Maria Garcia' })).getAttribute('href')).toBe('/doctor/encounters/enc-1');
    const appointments = () => app.live.subscriptions.filter((s) => s.payload.operationName === 'AppointmentChanged');
    await waitFor(() => expect(appointments()).toHaveLength(1));
    expect(appointments()[0]?.payload.variables).toMatchObject({ providerId: 'prov-1', mine: true });
    const today = appointments()[0]!.payload.variables!.day as string;
    app.live.push('AppointmentChanged', {
      appointmentChanged: {
        cursor: '3',
        kind: 'BOOKED',
        occurredAt: '2026-11-24T14:10:00.000Z',
        appointment: { ...appointment({ patient: { id: 'pat-5', displayName: 'Ola Berg', mrn: 'CG5' } }), localDate: today },
      },
    });
    expect(await screen.findByRole('link', { name: 'Ola Berg' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    expect(await screen.findByText('Say why, for the patient.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect((await screen.findByRole('link', { name: 'Review and finalise the new draft' })).getAttribute('href')).toBe('/doctor/encounters/enc-0');
    expect(app.gateway.named('DecideRenewal').map((s) => s.variables)).toEqual([{ requestId: 'rr-1', approve: true, note: null }]);
  });

  it('keeps "Waiting for you" current from encounter events: a check-in joins, a consultation updates, a closing leaves, without a refetch', async () => {
    const app = renderApp({
      path: '/doctor',
      account: accountWith(['DOCTOR'], { providerId: 'prov-1' }),
      handlers: {
        EncounterQueue: () => ({ data: { encounterQueue: [] } }),
        DayAppointments: () => ({ data: { appointments: [] } }),
        PendingRenewals: () => ({ data: { pendingRenewalRequests: [] } }),
      },
    });
    const list = await screen.findByRole('region', { name: 'Waiting for you' });
    expect(await within(list).findByText('Nobody is waiting.')).toBeTruthy();
    await waitFor(() => expect(app.live.subscriptions.some((s) => s.payload.operationName === 'WaitingEncounterChanged')).toBe(true));

    app.live.push('WaitingEncounterChanged', encounterChanged(waiting('7', 'Aisha Khan', 'OPEN'), '11'));
    const aisha = await within(list).findByRole('link', { name: 'Aisha Khan' });
    expect(aisha.getAttribute('href')).toBe('/doctor/encounters/enc-7');
    app.live.push('WaitingEncounterChanged', encounterChanged(waiting('7', 'Aisha Khan', 'IN_CONSULTATION'), '12'));
    expect(await within(list).findByText(/In consultation/)).toBeTruthy();
    app.live.push('WaitingEncounterChanged', encounterChanged(waiting('8', 'Ola Berg', 'OPEN', 'prov-2'), '13'));
    app.live.push('WaitingEncounterChanged', encounterChanged(waiting('7', 'Aisha Khan', 'CLOSED'), '14'));
    expect(await within(list).findByText('Nobody is waiting.')).toBeTruthy();
    expect(within(list).queryByRole('link', { name: 'Ola Berg' })).toBeNull();
    expect(app.gateway.named('EncounterQueue')).toHaveLength(1);
  });

  it('starts and completes the visit of my checked-in patient from my appointments', async () => {
    let stored = appointment({ status: 'CHECKED_IN', queueToken: 1, localDate: localDate(new Date(), FACILITY.timezone) });
    const moved = (status: typeof stored.status) => {
      stored = { ...stored, status, updatedAt: new Date().toISOString() };
      return stored;
    };
    const app = renderApp({
      path: '/doctor',
      account: accountWith(['DOCTOR'], { providerId: 'prov-1' }),
      handlers: {
        EncounterQueue: () => ({ data: { encounterQueue: [] } }),
        DayAppointments: () => ({ data: { appointments: [stored] } }),
        PendingRenewals: () => ({ data: { pendingRenewalRequests: [] } }),
        StartVisit: () => ({ data: { startAppointment: moved('IN_PROGRESS') } }),
        CompleteVisit: () => ({ data: { completeAppointment: moved('COMPLETED') } }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Start visit' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Complete' }));
    expect(await screen.findByText('Completed')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start visit' })).toBeNull();
    expect(app.gateway.named('StartVisit').map((s) => s.variables)).toEqual([{ id: 'appt-1' }]);
    expect(app.gateway.named('CompleteVisit').map((s) => s.variables)).toEqual([{ id: 'appt-1' }]);
  });
});
