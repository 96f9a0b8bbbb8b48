import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../lib/roles.ts';
import { apiError } from '../../testing/fake-gateway.ts';
import { appointment } from '../../testing/fixtures.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { VisitActions } from './VisitActions.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const PAST = '2026-01-05T14:00:00.000Z';
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const MOVES = ['Start visit', 'Complete', 'Mark no-show', 'Undo no-show (patient arrived)'];

function show(roles: Role[], status: string, startsAt = PAST, handlers = {}) {
  return renderComponent(() => <VisitActions appointment={{ id: 'appt-1', status, startsAt }} />, { account: accountWith(roles), handlers });
}
const offered = () => MOVES.filter((name) => screen.queryByRole('button', { name }));

describe('the visit moves an appointment offers', () => {
  it.each([
    { roles: ['DOCTOR'], status: 'CHECKED_IN', moves: ['Start visit'] },
    { roles: ['NURSE'], status: 'IN_PROGRESS', moves: ['Complete'] },
    { roles: ['DOCTOR'], status: 'CONFIRMED', moves: ['Mark no-show'] },
    { roles: ['RECEPTIONIST'], status: 'REQUESTED', moves: ['Mark no-show'] },
    { roles: ['RECEPTIONIST'], status: 'CHECKED_IN', moves: [] },
    { roles: ['RECEPTIONIST'], status: 'IN_PROGRESS', moves: [] },
    { roles: ['ADMIN'], status: 'CHECKED_IN', moves: ['Start visit'] },
    { roles: ['BILLING'], status: 'CONFIRMED', moves: [] },
    { roles: ['PATIENT'], status: 'CONFIRMED', moves: [] },
    { roles: ['DOCTOR'], status: 'COMPLETED', moves: [] },
    { roles: ['RECEPTIONIST'], status: 'NO_SHOW', moves: ['Undo no-show (patient arrived)'] },
    { roles: ['BILLING'], status: 'NO_SHOW', moves: [] },
    { roles: ['RECEPTIONIST', 'NURSE'], status: 'CANCELLED', moves: [] },
  ] as { roles: Role[]; status: string; moves: string[] }[])('$roles on a $status appointment: $moves', ({ roles, status, moves }) => {
    show(roles, status);
    expect(offered()).toEqual(moves);
  });

  it('offers a no-show only once the start has passed, noticing it while the screen is open', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'Date'] });
    show(['RECEPTIONIST'], 'CONFIRMED', inMs(45_000));
    expect(offered()).toEqual([]);
    vi.advanceTimersByTime(30_000);
    expect(offered()).toEqual([]);
    vi.advanceTimersByTime(30_000);
    expect(offered()).toEqual(['Mark no-show']);
  });

  it('marks a no-show only after a second, explicit confirmation', async () => {
    const view = show(['RECEPTIONIST'], 'CONFIRMED', PAST, { MarkNoShow: () => ({ data: { markNoShow: appointment({ status: 'NO_SHOW' }) } }) });
    fireEvent.click(screen.getByRole('button', { name: 'Mark no-show' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(view.gateway.named('MarkNoShow')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Mark no-show' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm no-show' }));
    await waitFor(() => expect(view.gateway.named('MarkNoShow').map((s) => s.variables)).toEqual([{ id: 'appt-1' }]));
  });

  it('undoes a no-show when the patient arrives after all, and says so when the time went to someone else', async () => {
    const view = show(['RECEPTIONIST'], 'NO_SHOW', PAST, {
      UndoNoShow: () => apiError('SLOT_TAKEN', 'That time is no longer available', { reason: 'PROVIDER_BUSY' }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Undo no-show (patient arrived)' }));
    const alert = await screen.findByRole('alert');
    expect(alert.dataset.code).toBe('SLOT_TAKEN');
    expect(view.gateway.named('UndoNoShow').map((s) => s.variables)).toEqual([{ id: 'appt-1' }]);
  });

  it('says in plain words why the API refused a move', async () => {
    const view = show(['DOCTOR'], 'IN_PROGRESS', PAST, {
      CompleteVisit: () => apiError('INVALID_STATE', 'This appointment is completed, so it cannot be completed.', { from: 'completed', to: 'completed' }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Complete' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('This appointment is completed, so it cannot be completed.');
    expect(alert.dataset.code).toBe('INVALID_STATE');
    expect(view.gateway.named('CompleteVisit').map((s) => s.variables)).toEqual([{ id: 'appt-1' }]);
  });
});
