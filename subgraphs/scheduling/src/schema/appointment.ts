import { assertPatientAccess, assertRange, badInput, type Context, canSeePatientAt, isUuid, notFound, patientConfinement, SPAN_LIMITS } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { appointment } from '../db/schema.ts';
import { appointmentsStarting } from '../services/appointment-lists.ts';
import { visibleAt } from '../services/facility-scope.ts';
import { type AppointmentRow, appointmentById, appointmentsByPatient } from '../services/loaders.ts';
import { AppointmentRef, AppointmentStatusEnum, Patient } from './types.ts';

/**
 * Loads an appointment the caller may see; a patient asking for another's, or staff asking for one at
 * a facility they do not belong to, get NOT_FOUND, as for a missing one.
 */
export async function readAppointment(ctx: Context, id: string): Promise<AppointmentRow> {
  const row = isUuid(id) ? await appointmentById(ctx).load(id) : null;
  if (!row) throw notFound('Appointment');
  assertPatientAccess(ctx, row.patientId, 'Appointment');
  if (!canSeePatientAt(ctx.identity, row.patientId, row.facilityId)) throw notFound('Appointment');
  ctx.audit.record({ action: 'read', entityType: 'Appointment', entityId: row.id, patientId: row.patientId });
  return row;
}

builder.asEntity(AppointmentRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => readAppointment(ctx, id),
});

builder.objectFields(Patient, (t) => ({
  appointments: t.field({
    type: [AppointmentRef],
    resolve: async (p, _a, ctx) => {
      assertPatientAccess(ctx, p.id);
      const rows = await appointmentsByPatient(ctx).load(p.id);
      ctx.audit.record({ action: 'read', entityType: 'Appointment', patientId: p.id, detail: { count: rows?.length ?? 0 } });
      return rows ?? [];
    },
  }),
}));

builder.queryFields((t) => ({
  appointment: t.field({
    type: AppointmentRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => readAppointment(ctx, String(id)),
  }),
  appointments: t.field({
    type: [AppointmentRef],
    description: 'Appointments starting in a time range (at most 500). Staff see those of their facilities; a patient sees only their own, at every facility.',
    args: {
      from: t.arg({ type: 'DateTime', required: true }),
      to: t.arg({ type: 'DateTime', required: true }),
      providerId: t.arg.id(),
      facilityId: t.arg.id(),
      status: t.arg({ type: AppointmentStatusEnum }),
    },
    resolve: async (_r, args, ctx) => {
      const confinedTo = patientConfinement(ctx);
      const providerId = args.providerId == null ? undefined : String(args.providerId);
      const facilityId = args.facilityId == null ? undefined : String(args.facilityId);
      if ((providerId && !isUuid(providerId)) || (facilityId && !isUuid(facilityId))) throw badInput('providerId and facilityId must be UUIDs');
      assertRange({ from: args.from, to: args.to }, SPAN_LIMITS.cappedList);
      const rows = await appointmentsStarting(ctx.db, {
        from: args.from,
        to: args.to,
        patientId: confinedTo ?? undefined,
        providerId,
        facilityId,
        status: args.status ?? undefined,
        visible: visibleAt(ctx.identity, appointment.facilityId, appointment.patientId),
      });
      for (const r of rows) ctx.audit.record({ action: 'read', entityType: 'Appointment', entityId: r.id, patientId: r.patientId });
      return rows;
    },
  }),
}));
