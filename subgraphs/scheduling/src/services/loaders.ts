import { byKey, type Context, defineLoader, groupByKey } from '@clinigraph/kit';
import { and, asc, inArray, sql } from 'drizzle-orm';
import { appointment, appointmentHistory, appointmentType, facilityZone, schedule, scheduleRule, typeOffering, waitlistOffer } from '../db/schema.ts';
import { visibleAt } from './facility-scope.ts';

export type AppointmentRow = typeof appointment.$inferSelect;
export type AppointmentTypeRow = typeof appointmentType.$inferSelect;
export type AppointmentStatus = AppointmentRow['status'];
export type ScheduleRow = typeof schedule.$inferSelect;
export type ScheduleRuleRow = typeof scheduleRule.$inferSelect;
export type HistoryRow = typeof appointmentHistory.$inferSelect;
export type OfferRow = typeof waitlistOffer.$inferSelect;

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

/** A patient's appointments at the caller's facilities (and wherever they broke the glass for the patient). */
export const appointmentsByPatient = defineLoader<Context, string, AppointmentRow[]>(async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.db
      .select()
      .from(appointment)
      .where(and(inArray(appointment.patientId, [...ids]), visibleAt(ctx.identity, appointment.facilityId, appointment.patientId)))
      .orderBy(asc(appointment.startsAt)),
    (r) => r.patientId,
  ),
);

export const appointmentsBySeries = defineLoader<Context, string, AppointmentRow[]>(async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.db
      .select()
      .from(appointment)
      .where(and(inArray(appointment.seriesId, [...ids]), visibleAt(ctx.identity, appointment.facilityId, appointment.patientId)))
      .orderBy(asc(appointment.startsAt)),
    (r) => r.seriesId as string,
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

export const providersByType = defineLoader<Context, string, string[]>(async (ctx, ids) => {
  const rows = await ctx.db
    .select()
    .from(typeOffering)
    .where(inArray(typeOffering.typeId, [...ids]));
  return groupByKey(ids, rows, (r) => r.typeId).map((list) => list.map((r) => r.providerId));
});

export const zoneByFacility = defineLoader<Context, string, string>(async (ctx, ids) => {
  const rows = await ctx.db
    .select()
    .from(facilityZone)
    .where(inArray(facilityZone.facilityId, [...ids]));
  return byKey(ids, rows, (r) => r.facilityId).map((r) => r?.timezone ?? null);
});

export const rulesBySchedule = defineLoader<Context, string, ScheduleRuleRow[]>(async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.db
      .select()
      .from(scheduleRule)
      .where(inArray(scheduleRule.scheduleId, [...ids]))
      .orderBy(asc(scheduleRule.weekday), asc(scheduleRule.startTime)),
    (r) => r.scheduleId,
  ),
);

export const historyByAppointment = defineLoader<Context, string, HistoryRow[]>(async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.db
      .select()
      .from(appointmentHistory)
      .where(inArray(appointmentHistory.appointmentId, [...ids]))
      .orderBy(asc(appointmentHistory.id)),
    (r) => r.appointmentId,
  ),
);

/**
 * Checked-in appointments of a provider's day, in token order: the waiting queue. Key: `${providerId}|${day}`.
 * Staff see the queue at their facilities only (a provider working at two facilities on one day has a
 * queue at each); a patient (unconfined) sees where they stand in the whole queue.
 */
export const queueByProviderDay = defineLoader<Context, string, AppointmentRow[]>(async (ctx, keys) => {
  const pairs = keys.map((k) => k.split('|') as [string, string]);
  const rows = await ctx.db
    .select()
    .from(appointment)
    .where(
      and(
        inArray(appointment.providerId, [...new Set(pairs.map((p) => p[0]))]),
        inArray(appointment.queueDay, [...new Set(pairs.map((p) => p[1]))]),
        sql`${appointment.queueToken} is not null`,
        visibleAt(ctx.identity, appointment.facilityId, appointment.patientId),
      ),
    )
    .orderBy(asc(appointment.queueToken));
  return groupByKey(keys, rows, (r) => `${r.providerId}|${r.queueDay}`);
});

export const schedulesById = defineLoader<Context, string, ScheduleRow>(async (ctx, ids) =>
  byKey(
    ids,
    await ctx.db
      .select()
      .from(schedule)
      .where(inArray(schedule.id, [...ids])),
    (r) => r.id,
  ),
);

export const offersByEntry = defineLoader<Context, string, OfferRow[]>(async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.db
      .select()
      .from(waitlistOffer)
      .where(inArray(waitlistOffer.entryId, [...ids]))
      .orderBy(asc(waitlistOffer.createdAt)),
    (r) => r.entryId,
  ),
);

export const typeIsOfferedBy = async (ctx: Context, typeId: string, providerId: string): Promise<boolean> =>
  (await providersByType(ctx).load(typeId))?.includes(providerId) ?? false;
