import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { appointment, choices, slot } from '../../testing/fixtures.ts';
import { accountWith, FACILITY } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { BookingForm } from './BookingForm.tsx';

afterEach(cleanup);

const free = [slot('09:00'), slot('09:20')];

function renderForm(options: { staff: boolean; patientId?: string | null; book: (v: Record<string, any>) => any }) {
  let slotQueries = 0;
  const view = renderComponent(() => <BookingForm facility={FACILITY} today="2026-11-24" staff={options.staff} patientId={options.patientId} />, {
    account: accountWith(options.staff ? ['RECEPTIONIST'] : ['PATIENT'], { patientId: options.staff ? null : 'pat-1' }),
    handlers: {
      BookingChoices: () => ({ data: choices }),
      Slots: () => ({ data: { slots: { nodes: slotQueries++ === 0 ? free : free.slice(1), pageInfo: { hasNextPage: false, endCursor: null } } } }),
      FirstAvailableSlots: () => ({ data: { firstAvailableSlots: [slot('11:40')] } }),
      BookAppointment: options.book,
    },
  });
  return view;
}

const chooseTime = async (label: RegExp) => fireEvent.click(await screen.findByRole('radio', { name: label }));

describe('booking a slot', () => {
  it('lets a patient book a time for themselves, never naming a patient, and confirms it', async () => {
    const view = renderForm({ staff: false, book: (v) => ({ data: { bookAppointment: appointment({ startsAt: v.input.startsAt }) } }) });
    expect(screen.queryByRole('option', { name: /Minor procedure/ })).toBeNull();
    await chooseTime(/09:00 AM/);
    fireEvent.click(screen.getByRole('button', { name: 'Book' }));
    expect((await screen.findByRole('status')).textContent).toContain('Booked: Tue, Nov 24, 2026 at 09:00 AM (New York time) with Dr. Amara Okafor.');
    expect(view.gateway.named('BookAppointment')[0]?.variables.input).toEqual({
      providerId: 'prov-1',
      facilityId: 'fac-1',
      typeId: 'type-consult',
      startsAt: free[0]!.startsAt,
    });
  });

  it('asks reception for the patient and a time before sending anything', async () => {
    const view = renderForm({ staff: true, patientId: null, book: () => ({}) });
    fireEvent.click(await screen.findByRole('button', { name: 'Book' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Choose the patient first.');
    expect(view.gateway.named('BookAppointment')).toHaveLength(0);
  });

  it('says "someone just booked this time" on SLOT_TAKEN and shows the times still free', async () => {
    const view = renderForm({ staff: true, patientId: 'pat-2', book: () => apiError('SLOT_TAKEN', 'That time has just been booked') });
    await chooseTime(/09:00 AM/);
    fireEvent.click(screen.getByRole('button', { name: 'Book' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Someone just booked this time — pick another.');
    await waitFor(() => expect(screen.queryByRole('radio', { name: /09:00 AM/ })).toBeNull());
    expect(screen.getByRole('radio', { name: /09:20 AM/ })).toBeTruthy();
    expect(view.gateway.named('BookAppointment')[0]?.variables.input.patientId).toBe('pat-2');
    expect(view.gateway.named('Slots')).toHaveLength(2);
  });

  it('jumps to the first available time when asked', async () => {
    renderForm({ staff: false, book: () => ({}) });
    fireEvent.click(await screen.findByRole('button', { name: 'First available' }));
    fireEvent.click(await screen.findByRole('button', { name: /11:40 AM \(New York time\) — Dr. Amara Okafor/ }));
    expect(await screen.findByText('Tue, Nov 24, 2026 at 11:40 AM (New York time) with Dr. Amara Okafor')).toBeTruthy();
  });

  it('offers days from today up to the schedule horizon only', () => {
    renderForm({ staff: true, patientId: 'pat-1', book: () => ({ data: null }) });
    const day = screen.getByLabelText(/^Day/);
    expect([day.getAttribute('min'), day.getAttribute('max')]).toEqual(['2026-11-24', '2027-11-23']);
  });

  it('marks a day typed beyond the horizon next to Day, looks up no times for it and books nothing', async () => {
    const view = renderForm({ staff: false, book: () => ({}) });
    await screen.findByRole('radio', { name: /09:00 AM/ });
    const day = screen.getByLabelText(/^Day/);
    fireEvent.input(day, { target: { value: '2099-06-01' } });
    await waitFor(() => expect(day.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(day.getAttribute('aria-describedby')!)!.textContent;
    expect(message).toBe('The clinic books up to Tue, Nov 23, 2027. Choose that day or an earlier one.');
    expect(screen.queryByText(/No free times/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Book' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Please correct the day marked above.');
    expect(view.gateway.named('Slots').every((q) => q.variables.input.from === '2026-11-24')).toBe(true);
    expect(view.gateway.named('BookAppointment')).toHaveLength(0);
  });
});
