import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { appointment, choices, slot } from '../../testing/fixtures.ts';
import { accountWith, FACILITY } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { SeriesForm } from './SeriesForm.tsx';

afterEach(cleanup);

function render(patientId: string | null, bookSeries: (v: Record<string, any>) => any) {
  let taken = false;
  const view = renderComponent(() => <SeriesForm facility={FACILITY} today="2026-11-24" patientId={patientId} />, {
    account: accountWith(['RECEPTIONIST']),
    handlers: {
      BookingChoices: () => ({ data: choices }),
      Slots: () => ({
        data: { slots: { nodes: taken ? [slot('09:20')] : [slot('09:00'), slot('09:20')], pageInfo: { hasNextPage: false, endCursor: null } } },
      }),
      BookSeries: (v) => {
        const answer = bookSeries(v);
        taken = !!answer.data;
        return answer;
      },
    },
  });
  return view;
}

const fillSeries = async (count: string) => {
  fireEvent.click(await screen.findByRole('radio', { name: /09:00 AM/ }));
  fireEvent.change(screen.getByLabelText('Repeat'), { target: { value: '2' } });
  fireEvent.input(screen.getByLabelText('Number of appointments'), { target: { value: count } });
  fireEvent.click(screen.getByRole('button', { name: 'Book series' }));
};

describe('booking a recurring series', () => {
  it('books every two weeks from the chosen time, lists the dates, and takes the time off the picker without a reload', async () => {
    const dates = ['2026-11-24', '2026-12-08', '2026-12-22'];
    const view = render('pat-2', () => ({
      data: {
        bookSeries: {
          __typename: 'AppointmentSeries',
          id: 'series-1',
          appointments: dates.map((d, i) => ({ ...appointment({ id: `appt-${i}` }), localDate: d })),
        },
      },
    }));
    await fillSeries('60');
    expect(await screen.findByText('Enter 2 to 52 appointments.')).toBeTruthy();
    expect(screen.getByLabelText('Number of appointments').getAttribute('max')).toBe('52');
    expect(view.gateway.named('BookSeries')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Number of appointments'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Book series' }));
    expect((await screen.findByRole('status')).textContent).toBe('Booked 3 appointments: Tue, Nov 24, 2026, Tue, Dec 8, 2026, Tue, Dec 22, 2026.');
    expect(view.gateway.named('BookSeries')[0]?.variables.input).toEqual({
      patientId: 'pat-2',
      providerId: 'prov-1',
      facilityId: 'fac-1',
      typeId: 'type-consult',
      startsAt: slot('09:00').startsAt,
      rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=3',
    });
    await vi.waitFor(() => expect(screen.queryByRole('radio', { name: /09:00 AM/ })).toBeNull());
    expect(screen.getByRole('radio', { name: /09:20 AM/ })).toBeTruthy();
  });

  it('lists the occurrences that could not be booked, and why, when the API refuses the series', async () => {
    render('pat-2', () =>
      apiError('SLOT_TAKEN', '2 of 6 dates are not available; nothing was booked', {
        conflicts: [
          { startsAt: '2026-12-08T14:00:00.000Z', date: '2026-12-08', reason: 'PROVIDER_BUSY' },
          { startsAt: '2026-12-22T14:00:00.000Z', date: '2026-12-22', reason: 'OUTSIDE_SCHEDULE' },
        ],
      }),
    );
    await fillSeries('6');
    const list = await screen.findByRole('list', { name: 'Dates that could not be booked' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Tue, Dec 8, 2026 at 09:00 AM (New York time): the provider is already booked',
      'Tue, Dec 22, 2026 at 09:00 AM (New York time): the provider does not work then',
    ]);
    expect(screen.getByText('Nothing was booked. These dates are not free:')).toBeTruthy();
    expect(screen.queryByText('Someone just booked this time — pick another.')).toBeNull();
  });

  it('asks for the patient and the first time before sending anything', async () => {
    const view = render(null, () => ({}));
    fireEvent.click(await screen.findByRole('button', { name: 'Book series' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Choose the patient first.');
    expect(screen.getByText('Choose the first time.')).toBeTruthy();
    expect(view.gateway.named('BookSeries')).toHaveLength(0);
  });
});
