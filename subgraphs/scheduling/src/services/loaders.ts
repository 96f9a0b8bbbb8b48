import { byKey, type Context, defineLoader, groupByKey } from '@clinigraph/kit';
import { asc, inArray } from 'drizzle-orm';
import { appointment, appointmentType } from '../db/schema.ts';

export type AppointmentRow = typeof appointment.$inferSelect;
export type AppointmentTypeRow = typeof appointmentType.$inferSelect;

export const appointmentById = defineLoader<Context, string, AppointmentRow>(async (ctx, ids) =>
  byKey(
    ids,
    await ctx.db
      .select()
      .from(appointment)
      .where(inArray(appointment.id, [...ids])),
    (r) => r.id,
  ),
);

export const appointmentsByPatient = defineLoader<Context, string, AppointmentRow[]>(async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.db
      .select()
      .from(appointment)
      .where(inArray(appointment.patientId, [...ids]))
      .orderBy(asc(appointment.startsAt)),
    (r) => r.patientId,
  ),
);

export const appointmentTypeById = defineLoader<Context, string, AppointmentTypeRow>(async (ctx, ids) =>
  byKey(
    ids,
    await ctx.db
      .select()
      .from(appointmentType)
      .where(inArray(appointmentType.id, [...ids])),
    (r) => r.id,
  ),
);
