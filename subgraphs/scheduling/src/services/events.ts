import { type AppointmentEventPayload, emitEvent, Topics, type Tx } from '@clinigraph/kit';
import { localDate } from '../domain/time.ts';
import type { AppointmentRow, AppointmentStatus } from './loaders.ts';

export const ChangeKinds = ['booked', 'requested', 'confirmed', 'rescheduled', 'cancelled', 'checked_in', 'started', 'completed', 'no_show'] as const;
export type ChangeKind = (typeof ChangeKinds)[number];

/** What `appointment.changed` carries beyond the kit's common appointment payload. */
export interface AppointmentChangedPayload extends AppointmentEventPayload {
  kind: ChangeKind;
  /** Facility-local dates the change touches (two for a move across days): what `day` filters match. */
  days: string[];
  previousStartsAt: string | null;
  previousProviderId: string | null;
  seriesId: string | null;
  queueDay: string | null;
  queueToken: number | null;
}

export interface QueueChangedPayload {
  kind: ChangeKind;
  day: string;
  appointmentId: string;
  status: AppointmentStatus;
  queueToken: number | null;
}

export interface AppointmentChange {
  kind: ChangeKind;
  /** The row after the change. */
  row: AppointmentRow;
  previousStatus: AppointmentStatus | null;
  /** Where it was before a move. */
  previous?: { startsAt: Date; providerId: string };
  timezone: string;
  actorId: string | null;
}

const inQueue = (status: AppointmentStatus | null) => status === 'checked_in' || status === 'in_progress';

/**
 * Writes the events of one appointment change, in the caller's transaction and as its last writes:
 * `appointment.changed` always, `appointment.checked_in` (care opens the encounter),
 * `appointment.completed` (finance charges) and `queue.changed` when the provider's queue moved.
 */
export async function emitAppointmentChange(tx: Tx, change: AppointmentChange): Promise<void> {
  const { row, kind, timezone } = change;
  const days = [...new Set([localDate(row.startsAt, timezone), ...(change.previous ? [localDate(change.previous.startsAt, timezone)] : [])])];
  const payload: AppointmentChangedPayload = {
    kind,
    status: row.status,
    reason: row.reason,
    previousStatus: change.previousStatus,
    appointmentTypeId: row.typeId,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    days,
    previousStartsAt: change.previous?.startsAt.toISOString() ?? null,
    previousProviderId: change.previous && change.previous.providerId !== row.providerId ? change.previous.providerId : null,
    seriesId: row.seriesId,
    queueDay: row.queueDay,
    queueToken: row.queueToken,
  };
  const ids = {
    entityType: 'Appointment',
    entityId: row.id,
    facilityId: row.facilityId,
    patientId: row.patientId,
    providerId: row.providerId,
    actorId: change.actorId,
  };
  await emitEvent(tx, { ...ids, topic: Topics.appointmentChanged, payload: { ...payload } });
  if (kind === 'checked_in') await emitEvent(tx, { ...ids, topic: Topics.appointmentCheckedIn, payload: { ...payload } });
  if (kind === 'completed') await emitEvent(tx, { ...ids, topic: Topics.appointmentCompleted, payload: { ...payload } });
  if (row.queueDay && (inQueue(change.previousStatus) || inQueue(row.status))) {
    const queue: QueueChangedPayload = { kind, day: row.queueDay, appointmentId: row.id, status: row.status, queueToken: row.queueToken };
    await emitEvent(tx, { ...ids, entityType: 'Queue', entityId: `${row.providerId}|${row.queueDay}`, topic: Topics.queueChanged, payload: { ...queue } });
  }
}
