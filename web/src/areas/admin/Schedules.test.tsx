import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../lib/format.ts';
import { apiError } from '../../testing/fake-gateway.ts';
import { choices, OKAFOR } from '../../testing/fixtures.ts';
import { accountWith, FACILITY, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const weekday = (n: number) => ({
  weekday: n,
  startTime: '09:00',
  endTime: '17:00',
  slotMinutes: 20,
  breaks: [{ start: '12:00', end: '13:00' }],
  effectiveFrom: null,
  effectiveTo: null,
});
/** Wednesdays until the end of March only, with a second break: what the editor keeps as it is. */
const wednesday = { ...weekday(3), breaks: [...weekday(3).breaks, { start: '15:00', end: '15:15' }], effectiveTo: '2026-03-31' };
const okaforSchedule = {
  id: 'sch-1',
  label: 'Clinic',
  specialty: 'General Practice',
  timezone: FACILITY.timezone,
  effectiveFrom: '2026-01-05',
  effectiveTo: null,
  active: true,
  provider: OKAFOR,
  facility: { id: FACILITY.id },
  rules: [weekday(1), wednesday],
};

type Row = Record<string, any>;

/** The schedules page against a gateway that keeps what it is sent, as the API would (New York is UTC−5 in winter). */
function schedulesPage(handlers: Parameters<typeof renderApp>[0]['handlers'] = {}) {
  const schedules: Row[] = [structuredClone(okaforSchedule)];
  const exceptions: Row[] = [];
  const app = renderApp({
    path: '/admin/schedules',
    account: accountWith(['ADMIN']),
    handlers: {
      Schedules: () => ({ data: { schedules } }),
      BookingChoices: () => ({ data: choices }),
      AllAppointmentTypes: () => ({ data: { appointmentTypes: [] } }),
      ScheduleExceptions: () => ({ data: { scheduleExceptions: exceptions } }),
      UpdateSchedule: ({ id, input }) => {
        const row = schedules.find((s) => s.id === id)!;
        Object.assign(row, input);
        return { data: { updateSchedule: { __typename: 'Schedule', ...row, provider: undefined, facility: undefined, timezone: undefined } } };
      },
      AddScheduleException: ({ input }) => {
        const row = {
          id: `exc-${exceptions.length + 1}`,
          kind: input.kind,
          scheduleId: null,
          startsAt: `${input.date}T05:00:00.000Z`,
          endsAt: `${addDays(input.endDate ?? input.date, 1)}T05:00:00.000Z`,
          slotMinutes: null,
          reason: input.reason,
          provider: input.providerId ? OKAFOR : null,
        };
        exceptions.push(row);
        return { data: { addScheduleException: { __typename: 'ScheduleException', id: row.id, kind: row.kind, startsAt: row.startsAt, endsAt: row.endsAt } } };
      },
      RemoveScheduleException: ({ id }) => {
        exceptions.splice(
          exceptions.findIndex((x) => x.id === id),
          1,
        );
        return { data: { removeScheduleException: true } };
      },
      ...handlers,
    },
  });
  return { app, schedules, exceptions };
}

const fill = (form: HTMLElement, label: string, value: string) => fireEvent.input(within(form).getByLabelText(label), { target: { value } });

describe('editing a schedule', () => {
  it('shows each schedule’s sessions, then changes its end date and sessions, shown without a reload', async () => {
    const { app } = schedulesPage();
    const card = await screen.findByRole('region', { name: 'Dr. Amara Okafor schedule' });
    expect(
      within(card)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Mon 09:00–17:00, 20-minute slots, break 12:00–13:00',
      'Wed 09:00–17:00, 20-minute slots, break 12:00–13:00, 15:00–15:15, until Tue, Mar 31, 2026',
    ]);
    fireEvent.click(within(card).getByRole('button', { name: 'Edit the schedule of Dr. Amara Okafor' }));
    const form = screen.getByRole('form', { name: 'Edit the schedule of Dr. Amara Okafor' });
    fill(form, 'Until (optional)', '2026-12-31');
    fireEvent.click(within(form).getByRole('button', { name: 'Add a session' }));
    expect(within(within(form).getByRole('group', { name: 'Session 2' })).getByText(/Kept as set/).textContent).toBe(
      'Kept as set: also breaks 15:00–15:15; only until Tue, Mar 31, 2026',
    );
    const third = within(form).getByRole('group', { name: 'Session 3' });
    fill(third, 'Start', '14:00');
    fill(third, 'Break from', '');
    fill(third, 'Break until', '');
    fireEvent.click(within(form).getByRole('button', { name: 'Save schedule' }));
    await waitFor(() => expect(within(card).getAllByRole('listitem')).toHaveLength(3));
    expect(within(card).getAllByRole('listitem')[2]?.textContent).toBe('Thu 14:00–17:00, 20-minute slots');
    expect(card.textContent).toContain('to Thu, Dec 31, 2026');
    const sent = app.gateway.named('UpdateSchedule')[0]?.variables.input;
    expect(sent).toMatchObject({ effectiveTo: '2026-12-31', active: true, label: 'Clinic' });
    expect(sent.rules[1]).toEqual(wednesday);
    expect(sent.rules[2]).toEqual({ ...weekday(4), startTime: '14:00', breaks: [] });
  });

  it('refuses overlapping sessions before sending', async () => {
    const { app } = schedulesPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit the schedule of Dr. Amara Okafor' }));
    const form = screen.getByRole('form', { name: 'Edit the schedule of Dr. Amara Okafor' });
    fireEvent.change(within(within(form).getByRole('group', { name: 'Session 2' })).getByLabelText('Weekday'), { target: { value: '1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save schedule' }));
    expect(await within(form).findByText('Overlaps another session on the same day.')).toBeTruthy();
    expect(app.gateway.named('UpdateSchedule')).toHaveLength(0);
  });
});

describe('schedule exceptions', () => {
  it('adds the first holiday in facility-local dates, shows it without a reload, and removes it', async () => {
    const { app } = schedulesPage();
    expect(await screen.findByText('None in these 90 days.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'New schedule exception' });
    fireEvent.change(within(form).getByLabelText('Kind'), { target: { value: 'HOLIDAY' } });
    fill(form, 'First day', '2026-12-25');
    fill(form, 'Reason', 'Christmas');
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    const row = (await screen.findByText('Christmas')).closest('tr')!;
    expect(row.textContent).toContain('Whole facility');
    expect(row.querySelectorAll('td')[1]?.textContent).toMatch(/Dec 25, 2026.*12:00\sAM/);
    expect(app.gateway.named('AddScheduleException')[0]?.variables.input).toEqual({
      kind: 'HOLIDAY',
      facilityId: 'fac-1',
      providerId: null,
      scheduleId: null,
      date: '2026-12-25',
      endDate: null,
      startTime: null,
      endTime: null,
      slotMinutes: null,
      reason: 'Christmas',
    });
    fireEvent.click(within(row).getByRole('button', { name: /^Remove holiday from/ }));
    expect(await screen.findByText('None in these 90 days.')).toBeTruthy();
  });

  it('records a provider’s time off, and shows the API’s verdict next to the field it concerns', async () => {
    const { app } = schedulesPage({
      AddScheduleException: () =>
        apiError('BAD_USER_INPUT', 'endDate: must not be before date', { issues: [{ path: 'endDate', message: 'must not be before the first day' }] }),
    });
    await screen.findByText('None in these 90 days.');
    const form = screen.getByRole('form', { name: 'New schedule exception' });
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect(await within(form).findByText('Choose who is away.')).toBeTruthy();
    expect(app.gateway.named('AddScheduleException')).toHaveLength(0);
    fireEvent.change(within(form).getByLabelText('Provider'), { target: { value: OKAFOR.id } });
    fill(form, 'First day', '2026-12-28');
    fill(form, 'Last day (optional)', '2026-12-30');
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    const endDate = within(form).getByLabelText('Last day (optional)');
    await waitFor(() => expect(endDate.getAttribute('aria-invalid')).toBe('true'));
    expect(endDate.parentElement!.querySelector('.field-error')?.textContent).toBe('must not be before the first day');
    expect(app.gateway.named('AddScheduleException')[0]?.variables.input).toMatchObject({ kind: 'TIME_OFF', providerId: OKAFOR.id, endDate: '2026-12-30' });
  });
});
