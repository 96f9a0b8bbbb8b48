import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { choices } from '../../testing/fixtures.ts';
import { accountWith, FACILITY } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { ScheduleForm } from './ScheduleForm.tsx';

afterEach(cleanup);

describe('a new schedule', () => {
  it('checks times and breaks, then sends one rule per weekday in the facility’s zone', async () => {
    const created = vi.fn();
    const view = renderComponent(() => <ScheduleForm facility={FACILITY} today="2026-11-24" onCreated={created} />, {
      account: accountWith(['ADMIN']),
      handlers: { BookingChoices: () => ({ data: choices }), CreateSchedule: () => ({ data: { createSchedule: { id: 'sch-9' } } }) },
    });
    await screen.findByRole('option', { name: 'Dr. Jonas Weber' });
    fireEvent.change(screen.getByLabelText('Provider'), { target: { value: 'prov-2' } });
    fireEvent.input(screen.getByLabelText('Break from (optional)'), { target: { value: '18:00' } });
    fireEvent.input(screen.getByLabelText('Break until'), { target: { value: '18:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create schedule' }));
    expect(await screen.findByText('A break must sit inside the session.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Break from (optional)'), { target: { value: '12:00' } });
    fireEvent.input(screen.getByLabelText('Break until'), { target: { value: '13:00' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tue' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Wed' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Thu' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create schedule' }));
    await waitFor(() => expect(created).toHaveBeenCalled());
    const rule = { startTime: '09:00', endTime: '17:00', slotMinutes: 20, breaks: [{ start: '12:00', end: '13:00' }] };
    expect(view.gateway.named('CreateSchedule')[0]?.variables.input).toEqual({
      providerId: 'prov-2',
      facilityId: 'fac-1',
      timezone: 'America/New_York',
      effectiveFrom: '2026-11-24',
      rules: [
        { weekday: 1, ...rule },
        { weekday: 5, ...rule },
      ],
    });
  });
});

describe('a refused schedule', () => {
  it('shows the API’s verdict next to the field it concerns', async () => {
    renderComponent(() => <ScheduleForm facility={FACILITY} today="2026-11-24" onCreated={() => {}} />, {
      account: accountWith(['ADMIN']),
      handlers: {
        BookingChoices: () => ({ data: choices }),
        CreateSchedule: () =>
          apiError('BAD_USER_INPUT', 'effectiveFrom: must be between 1900-01-01 and 2200-12-31', {
            issues: [{ path: 'effectiveFrom', message: 'must be between 1900-01-01 and 2200-12-31' }],
          }),
      },
    });
    await screen.findByRole('option', { name: 'Dr. Jonas Weber' });
    fireEvent.change(screen.getByLabelText('Provider'), { target: { value: 'prov-2' } });
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2300-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create schedule' }));
    const from = screen.getByLabelText('From');
    await waitFor(() => expect(from.getAttribute('aria-invalid')).toBe('true'));
    expect(from.parentElement!.querySelector('.field-error')?.textContent).toBe('must be between 1900-01-01 and 2200-12-31');
  });
});
