import {
  AppError,
  type AuditLog,
  assertFacilityAccess,
  type Context,
  canReadPatientRecord,
  ErrorCode,
  type Identity,
  isUuid,
  notFound,
  pgErrorInfo,
  SqlState,
  type Tx,
} from '@clinigraph/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appointment, appointmentHistory, appointmentType } from '../db/schema.ts';
import { type AppointmentChange, emitAppointmentChange } from './events.ts';
import type { AppointmentRow, AppointmentStatus, AppointmentTypeRow } from './loaders.ts';

export const uuid = z.string().refine(isUuid, 'must be a UUID');

/** The exclusion constraints' meaning: whoever loses the race is told the time is taken. */
export const NO_OVERLAP_ERRORS = {
  appointment_provider_no_overlap: () => new AppError(ErrorCode.SLOT_TAKEN, 'That time is no longer available', { reason: 'PROVIDER_BUSY' }),
  appointment_patient_no_overlap: () => new AppError(ErrorCode.SLOT_TAKEN, 'The patient already has an appointment at that time', { reason: 'PATIENT_BUSY' }),
};

export const isOverlap = (err: unknown): boolean => pgErrorInfo(err)?.code === SqlState.EXCLUSION_VIOLATION;
export const overlapReason = (err: unknown): 'PATIENT_BUSY' | 'PROVIDER_BUSY' =>
  pgErrorInfo(err)?.constraint === 'appointment_patient_no_overlap' ? 'PATIENT_BUSY' : 'PROVIDER_BUSY';

export async function activeType(tx: Tx | Context['db'], typeId: string): Promise<AppointmentTypeRow> {
  const [type] = await tx.select().from(appointmentType).where(eq(appointmentType.id, typeId));
  if (!type || !type.active) throw notFound('Appointment type');
  return type;
}

export interface NewAppointment {
  patientId: string;
  providerId: string;
  facilityId: string;
  type: AppointmentTypeRow;
  startsAt: Date;
  status: AppointmentStatus;
  reason?: string | null;
  seriesId?: string | null;
  bookedBy: string | null;
}

/** Inserts an appointment. The exclusion constraints reject an overlap with 23P01, whatever the caller checked before. */
export async function insertAppointment(tx: Tx, a: NewAppointment): Promise<AppointmentRow> {
  const [row] = await tx
    .insert(appointment)
    .values({
      patientId: a.patientId,
      providerId: a.providerId,
      facilityId: a.facilityId,
      typeId: a.type.id,
      startsAt: a.startsAt,
      endsAt: new Date(a.startsAt.getTime() + a.type.durationMinutes * 60_000),
      bufferBeforeMinutes: a.type.bufferBeforeMinutes,
      bufferAfterMinutes: a.type.bufferAfterMinutes,
      status: a.status,
      reason: a.reason ?? null,
      seriesId: a.seriesId ?? null,
      bookedBy: a.bookedBy,
    })
    .returning();
  if (!row) throw new Error('appointment insert returned nothing');
  return row;
}

/**
 * Locks an appointment for a change; a patient asking for another patient's, or staff asking for one
 * at a facility they do not belong to, get NOT_FOUND (break-the-glass opens a chart to read, not another
 * facility's diary to change).
 */
export async function lockAppointment(tx: Tx, ctx: Context, id: string): Promise<AppointmentRow> {
  const [row] = isUuid(id) ? await tx.select().from(appointment).where(eq(appointment.id, id)).for('update') : [];
  if (!row) throw notFound('Appointment');
  if (!canReadPatientRecord(ctx.identity, 'appointment.read', row.patientId)) throw notFound('Appointment');
  assertFacilityAccess(ctx, row.facilityId, 'Appointment');
  return row;
}

export interface HistoryEntry {
  action: string;
  fromStatus: AppointmentStatus | null;
  fromStartsAt?: Date | null;
  reason?: string | null;
  /** Who caused a move the system made from an event (the identity is then null). */
  actorId?: string | null;
}

/**
 * The bookkeeping of every appointment write, in its transaction: a history row (who, why), the
 * audit entry (in the request's trail, or an event consumer's), and the events, which come last.
 */
export async function recordChange(
  tx: Tx,
  ctx: { audit: AuditLog } | null,
  identity: Identity | null,
  change: AppointmentChange,
  history: HistoryEntry,
): Promise<void> {
  const { row } = change;
  await tx.insert(appointmentHistory).values({
    appointmentId: row.id,
    action: history.action,
    fromStatus: history.fromStatus,
    toStatus: row.status,
    fromStartsAt: history.fromStartsAt ?? null,
    toStartsAt: row.startsAt,
    reason: history.reason ?? null,
    actorId: identity?.userId ?? history.actorId ?? null,
    actorRoles: identity?.roles ?? [],
  });
  if (ctx) {
    await ctx.audit.write(tx, {
      action: history.fromStatus === null ? 'create' : 'update',
      entityType: 'Appointment',
      entityId: row.id,
      patientId: row.patientId,
      detail: { action: history.action, status: row.status },
    });
  }
  await emitAppointmentChange(tx, change);
}
