import { can, connectionType, facilityReference, patientReference, providerReference } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import type { notification, scheduleException, waitlistEntry } from '../db/schema.ts';
import { localDate } from '../domain/time.ts';
import { ChangeKinds } from '../services/events.ts';
import {
  type AppointmentRow,
  type AppointmentTypeRow,
  appointmentsBySeries,
  appointmentTypeById,
  type HistoryRow,
  historyByAppointment,
  type OfferRow,
  offersByEntry,
  providersByType,
  queueByProviderDay,
  rulesBySchedule,
  type ScheduleRow,
  type ScheduleRuleRow,
  zoneByFacility,
} from '../services/loaders.ts';
import type { FoundSlot } from '../services/slot-search.ts';

export const Patient = patientReference(builder);
export const Provider = providerReference(builder);
export const Facility = facilityReference(builder);

const upperValues = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v.toUpperCase(), { value: v }])) as Record<Uppercase<T>, { value: T }>;

export const AppointmentStatusEnum = builder.enumType('AppointmentStatus', {
  values: upperValues(['requested', 'confirmed', 'checked_in', 'in_progress', 'completed', 'cancelled', 'no_show'] as const),
});
export const BookingPolicyEnum = builder.enumType('BookingPolicy', {
  description: 'Who may book an appointment type: patients instantly, patients as a request staff confirm, or staff only.',
  values: upperValues(['patient_instant', 'patient_request', 'staff_only'] as const),
});
export const ExceptionKindEnum = builder.enumType('ScheduleExceptionKind', { values: upperValues(['time_off', 'holiday', 'extra_session'] as const) });
export const WaitlistStatusEnum = builder.enumType('WaitlistStatus', { values: upperValues(['waiting', 'offered', 'booked', 'cancelled'] as const) });
export const OfferStatusEnum = builder.enumType('WaitlistOfferStatus', {
  values: upperValues(['pending', 'accepted', 'declined', 'expired', 'lost'] as const),
});
export const ChangeKindEnum = builder.enumType('AppointmentChangeKind', { values: upperValues(ChangeKinds) });

const zoneOfRow = async (facilityId: string, ctx: Parameters<typeof zoneByFacility>[0]) => (await zoneByFacility(ctx).load(facilityId)) ?? 'UTC';

export const AppointmentTypeRef = builder.objectRef<AppointmentTypeRow>('AppointmentType').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    durationMinutes: t.exposeInt('durationMinutes'),
    bufferBeforeMinutes: t.exposeInt('bufferBeforeMinutes'),
    bufferAfterMinutes: t.exposeInt('bufferAfterMinutes'),
    bookingPolicy: t.expose('bookingPolicy', { type: BookingPolicyEnum }),
    active: t.exposeBoolean('active'),
    providers: t.field({
      type: [Provider],
      description: 'The providers who offer this type.',
      resolve: async (type, _a, ctx) => ((await providersByType(ctx).load(type.id)) ?? []).map((id) => ({ id })),
    }),
  }),
});

export const HistoryEntryRef = builder.objectRef<HistoryRow>('AppointmentHistoryEntry').implement({
  description: 'One state change or move of an appointment: what, when, why and (for staff) who.',
  fields: (t) => ({
    action: t.exposeString('action'),
    fromStatus: t.expose('fromStatus', { type: AppointmentStatusEnum, nullable: true }),
    toStatus: t.expose('toStatus', { type: AppointmentStatusEnum }),
    fromStartsAt: t.expose('fromStartsAt', { type: 'DateTime', nullable: true }),
    toStartsAt: t.expose('toStartsAt', { type: 'DateTime', nullable: true }),
    reason: t.exposeString('reason', { nullable: true }),
    at: t.expose('at', { type: 'DateTime' }),
    actorId: t.id({
      nullable: true,
      description: 'The account that made the change (staff only).',
      resolve: (h, _a, ctx) => (can(ctx.identity, 'appointment.read') ? h.actorId : null),
    }),
    actorRoles: t.stringList({ resolve: (h) => h.actorRoles }),
  }),
});

export const AppointmentRef = builder.objectRef<AppointmentRow>('Appointment');
export const SeriesRef = builder.objectRef<{ id: string }>('AppointmentSeries').implement({
  description: 'A recurring series. Its occurrences are ordinary appointments: each can be moved or cancelled alone.',
  fields: (t) => ({
    id: t.exposeID('id'),
    appointments: t.field({ type: [AppointmentRef], resolve: async (s, _a, ctx) => (await appointmentsBySeries(ctx).load(s.id)) ?? [] }),
  }),
});

AppointmentRef.implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime' }),
    localDate: t.field({
      type: 'Date',
      description: 'The date in the facility’s time zone.',
      resolve: async (a, _x, ctx) => localDate(a.startsAt, await zoneOfRow(a.facilityId, ctx)),
    }),
    status: t.expose('status', { type: AppointmentStatusEnum }),
    reason: t.exposeString('reason', { nullable: true }),
    type: t.field({ type: AppointmentTypeRef, resolve: async (a, _x, ctx) => (await appointmentTypeById(ctx).load(a.typeId)) as AppointmentTypeRow }),
    patient: t.field({ type: Patient, nullable: true, resolve: (a) => ({ id: a.patientId }) }),
    provider: t.field({ type: Provider, nullable: true, resolve: (a) => ({ id: a.providerId }) }),
    facility: t.field({ type: Facility, nullable: true, resolve: (a) => ({ id: a.facilityId }) }),
    series: t.field({ type: SeriesRef, nullable: true, resolve: (a) => (a.seriesId ? { id: a.seriesId } : null) }),
    queueToken: t.exposeInt('queueToken', { nullable: true, description: 'The day’s queue number with this provider, given at check-in.' }),
    queuePosition: t.int({
      nullable: true,
      description: 'Place in the waiting queue (1 = next) while checked in.',
      resolve: async (a, _x, ctx) => {
        if (a.status !== 'checked_in' || !a.queueDay) return null;
        const waiting = ((await queueByProviderDay(ctx).load(`${a.providerId}|${a.queueDay}`)) ?? []).filter((q) => q.status === 'checked_in');
        const index = waiting.findIndex((q) => q.id === a.id);
        return index < 0 ? null : index + 1;
      },
    }),
    checkedInAt: t.expose('checkedInAt', { type: 'DateTime', nullable: true }),
    history: t.field({ type: [HistoryEntryRef], resolve: async (a, _x, ctx) => (await historyByAppointment(ctx).load(a.id)) ?? [] }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const TimeRangeRef = builder.objectRef<{ start: string; end: string }>('WallClockRange').implement({
  fields: (t) => ({ start: t.exposeString('start'), end: t.exposeString('end') }),
});

const hhmm = (time: string) => time.slice(0, 5);

export const ScheduleRuleRef = builder.objectRef<ScheduleRuleRow>('ScheduleRule').implement({
  description: 'A weekly session in local wall-clock time.',
  fields: (t) => ({
    weekday: t.exposeInt('weekday', { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' }),
    startTime: t.string({ resolve: (r) => hhmm(r.startTime) }),
    endTime: t.string({ resolve: (r) => hhmm(r.endTime) }),
    slotMinutes: t.exposeInt('slotMinutes'),
    breaks: t.field({ type: [TimeRangeRef], resolve: (r) => r.breaks }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date', nullable: true }),
    effectiveTo: t.expose('effectiveTo', { type: 'Date', nullable: true }),
  }),
});

export const ScheduleRef = builder.objectRef<ScheduleRow>('Schedule').implement({
  description: 'A provider’s working pattern at one facility, in the facility’s time zone.',
  fields: (t) => ({
    id: t.exposeID('id'),
    provider: t.field({ type: Provider, resolve: (s) => ({ id: s.providerId }) }),
    facility: t.field({ type: Facility, resolve: (s) => ({ id: s.facilityId }) }),
    timezone: t.string({ resolve: (s, _a, ctx) => zoneOfRow(s.facilityId, ctx) }),
    specialty: t.exposeString('specialty', { nullable: true }),
    label: t.exposeString('label', { nullable: true }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date' }),
    effectiveTo: t.expose('effectiveTo', { type: 'Date', nullable: true }),
    active: t.exposeBoolean('active'),
    rules: t.field({ type: [ScheduleRuleRef], resolve: async (s, _a, ctx) => (await rulesBySchedule(ctx).load(s.id)) ?? [] }),
  }),
});

export const ScheduleExceptionRef = builder.objectRef<typeof scheduleException.$inferSelect>('ScheduleException').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: ExceptionKindEnum }),
    facility: t.field({ type: Facility, resolve: (e) => ({ id: e.facilityId }) }),
    provider: t.field({ type: Provider, nullable: true, resolve: (e) => (e.providerId ? { id: e.providerId } : null) }),
    scheduleId: t.exposeID('scheduleId', { nullable: true }),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime' }),
    slotMinutes: t.exposeInt('slotMinutes', { nullable: true }),
    reason: t.exposeString('reason', { nullable: true }),
  }),
});

export const SlotRef = builder.objectRef<FoundSlot>('Slot').implement({
  description: 'A free time for an appointment type, computed from schedules, exceptions, bookings and buffers.',
  fields: (t) => ({
    startsAt: t.field({ type: 'DateTime', resolve: (s) => new Date(s.start) }),
    endsAt: t.field({ type: 'DateTime', resolve: (s) => new Date(s.end) }),
    localDate: t.field({ type: 'Date', resolve: (s) => s.localDate }),
    provider: t.field({ type: Provider, resolve: (s) => ({ id: s.providerId }) }),
    facility: t.field({ type: Facility, resolve: (s) => ({ id: s.facilityId }) }),
    type: t.field({ type: AppointmentTypeRef, resolve: async (s, _a, ctx) => (await appointmentTypeById(ctx).load(s.typeId)) as AppointmentTypeRow }),
    scheduleId: t.exposeID('scheduleId'),
  }),
});
export const SlotConnection = connectionType(builder, 'Slot', SlotRef);

export const WaitlistOfferRef = builder.objectRef<OfferRow>('WaitlistOffer').implement({
  description: 'A freed slot held for one waitlist entry until it expires.',
  fields: (t) => ({
    id: t.exposeID('id'),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    status: t.expose('status', { type: OfferStatusEnum }),
    provider: t.field({ type: Provider, resolve: (o) => ({ id: o.providerId }) }),
    facility: t.field({ type: Facility, resolve: (o) => ({ id: o.facilityId }) }),
    type: t.field({ type: AppointmentTypeRef, resolve: async (o, _a, ctx) => (await appointmentTypeById(ctx).load(o.typeId)) as AppointmentTypeRow }),
    appointmentId: t.exposeID('appointmentId', { nullable: true }),
  }),
});

export const WaitlistEntryRef = builder.objectRef<typeof waitlistEntry.$inferSelect>('WaitlistEntry').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    patient: t.field({ type: Patient, resolve: (e) => ({ id: e.patientId }) }),
    facility: t.field({ type: Facility, resolve: (e) => ({ id: e.facilityId }) }),
    provider: t.field({ type: Provider, nullable: true, resolve: (e) => (e.providerId ? { id: e.providerId } : null) }),
    type: t.field({ type: AppointmentTypeRef, resolve: async (e, _a, ctx) => (await appointmentTypeById(ctx).load(e.typeId)) as AppointmentTypeRow }),
    earliest: t.expose('earliest', { type: 'DateTime' }),
    latest: t.expose('latest', { type: 'DateTime' }),
    priority: t.exposeInt('priority'),
    status: t.expose('status', { type: WaitlistStatusEnum }),
    note: t.exposeString('note', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    offers: t.field({ type: [WaitlistOfferRef], resolve: async (e, _a, ctx) => (await offersByEntry(ctx).load(e.id)) ?? [] }),
  }),
});

export const NotificationRef = builder.objectRef<typeof notification.$inferSelect>('Notification').implement({
  description: 'An in-app message to a patient: a reminder or a waitlist offer.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.exposeString('kind'),
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    appointmentId: t.exposeID('appointmentId', { nullable: true }),
    offerId: t.exposeID('offerId', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
  }),
});
