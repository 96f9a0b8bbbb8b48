import type { Role } from '../../lib/roles.ts';

export type VisitMove = 'start' | 'complete' | 'no_show' | 'undo_no_show';

/**
 * The visit moves of scheduling's state machine (subgraphs/scheduling/src/services/transitions.ts) as
 * the screens offer them: from which statuses, and who may make them (admins always may). A no-show
 * is possible only once the appointment's start has passed; undoing one, on the day (the API refuses later).
 */
const RULES: Record<VisitMove, { from: readonly string[]; roles: readonly Role[] }> = {
  start: { from: ['CHECKED_IN'], roles: ['DOCTOR', 'NURSE', 'ADMIN'] },
  complete: { from: ['IN_PROGRESS'], roles: ['DOCTOR', 'NURSE', 'ADMIN'] },
  no_show: { from: ['REQUESTED', 'CONFIRMED'], roles: ['RECEPTIONIST', 'DOCTOR', 'NURSE', 'ADMIN'] },
  undo_no_show: { from: ['NO_SHOW'], roles: ['RECEPTIONIST', 'DOCTOR', 'NURSE', 'ADMIN'] },
};

export interface MovableAppointment {
  status: string;
  /** Without it (e.g. a queue entry) a no-show is never offered. */
  startsAt?: string;
}

/** The moves someone with these roles may make on the appointment at `now` (ms), in screen order. */
export function visitMoves(appointment: MovableAppointment, roles: readonly Role[], now: number): VisitMove[] {
  const started = appointment.startsAt !== undefined && Date.parse(appointment.startsAt) <= now;
  return (Object.keys(RULES) as VisitMove[]).filter(
    (move) => RULES[move].from.includes(appointment.status) && RULES[move].roles.some((r) => roles.includes(r)) && (move !== 'no_show' || started),
  );
}
