import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appointment, choices, slot } from '../../testing/fixtures.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const JAMES = { id: 'pat-2', mrn: 'CG02', displayName: 'James Chen', dateOfBirth: '1975-06-01', phone: null };

describe('the recurring bookings page', () => {
  it('is on the reception menu, and books the series for the patient found', async () => {
    const app = renderApp({
      path: '/reception/series',
      account: accountWith(['RECEPTIONIST']),
      handlers: {
        SearchPatients: () => ({ data: { patients: { nodes: [JAMES] } } }),
        BookingChoices: () => ({ data: choices }),
        Slots: () => ({ data: { slots: { nodes: [slot('09:00')], pageInfo: { hasNextPage: false, endCursor: null } } } }),
        BookSeries: () => ({
          data: { bookSeries: { __typename: 'AppointmentSeries', id: 's1', appointments: [appointment({ id: 'a1' }), appointment({ id: 'a2' })] } },
        }),
      },
    });
    expect(await screen.findByRole('heading', { name: 'Book a recurring series' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Recurring' }).getAttribute('href')).toBe('/reception/series');
    fireEvent.input(screen.getByLabelText(/^Patient/), { target: { value: 'James' } });
    fireEvent.click(await screen.findByRole('button', { name: /James Chen/ }));
    fireEvent.click(await screen.findByRole('radio', { name: /09:00 AM/ }));
    fireEvent.input(screen.getByLabelText('Number of appointments'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Book series' }));
    await vi.waitFor(() =>
      expect(app.gateway.named('BookSeries')[0]?.variables.input).toMatchObject({ patientId: 'pat-2', rrule: 'FREQ=WEEKLY;INTERVAL=1;COUNT=2' }),
    );
    expect(await screen.findByText(/Booked 2 appointments/)).toBeTruthy();
  });
});
