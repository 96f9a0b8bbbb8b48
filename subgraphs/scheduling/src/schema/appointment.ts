import {
  assertPatientAccess,
  type Context,
  facilityReference,
  isUuid,
  notFound,
  patientConfinement,
  patientReference,
  providerReference,
  requireIdentity,
} from '@clinigraph/kit';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { builder } from '../builder.ts';
import { appointment, appointmentType } from '../db/schema.ts';
import { type AppointmentRow, type AppointmentTypeRow, appointmentById, appointmentsByPatient, appointmentTypeById } from '../services/loaders.ts';

const Patient = patientReference(builder);
const Provider = providerReference(builder);
const Facility = facilityReference(builder);

export const AppointmentStatus = builder.enumType('AppointmentStatus', {
  values: ['REQUESTED', 'CONFIRMED', 'CHECKED_IN', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] as const,
});

export const AppointmentTypeRef = builder.objectRef<AppointmentTypeRow>('AppointmentType').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    durationMinutes: t.exposeInt('durationMinutes'),
  }),
});

export const AppointmentRef = builder.objectRef<AppointmentRow>('Appointment').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime' }),
    status: t.field({ type: AppointmentStatus, resolve: (a) => a.status.toUpperCase() as never }),
    reason: t.exposeString('reason', { nullable: true }),
    type: t.field({ type: AppointmentTypeRef, resolve: async (a, _x, ctx) => (await appointmentTypeById(ctx).load(a.typeId)) as AppointmentTypeRow }),
    patient: t.field({ type: Patient, resolve: (a) => ({ id: a.patientId }) }),
    provider: t.field({ type: Provider, resolve: (a) => ({ id: a.providerId }) }),
    facility: t.field({ type: Facility, resolve: (a) => ({ id: a.facilityId }) }),
  }),
});

/** Loads an appointment the caller may see; a patient asking for another's gets NOT_FOUND. */
async function readAppointment(ctx: Context, id: string): Promise<AppointmentRow> {
  const row = isUuid(id) ? await appointmentById(ctx).load(id) : null;
  if (!row) throw notFound('Appointment');
  assertPatientAccess(ctx, row.patientId, 'Appointment');
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
    description: 'Appointments in a time range. Staff see all; a patient sees only their own.',
    args: { from: t.arg({ type: 'DateTime', required: true }), to: t.arg({ type: 'DateTime', required: true }) },
    resolve: async (_r, { from, to }, ctx) => {
      const confinedTo = patientConfinement(ctx);
      const rows = await ctx.db
        .select()
        .from(appointment)
        .where(and(gte(appointment.startsAt, from), lt(appointment.startsAt, to), confinedTo ? eq(appointment.patientId, confinedTo) : undefined))
        .orderBy(asc(appointment.startsAt))
        .limit(500);
      for (const r of rows) ctx.audit.record({ action: 'read', entityType: 'Appointment', entityId: r.id, patientId: r.patientId });
      return rows;
    },
  }),
  appointmentTypes: t.field({
    type: [AppointmentTypeRef],
    resolve: (_r, _a, ctx) => {
      requireIdentity(ctx);
      return ctx.db.select().from(appointmentType).orderBy(asc(appointmentType.name));
    },
  }),
}));
