import { assertFacilityAccess, badInput, dateRange, isUuid, parseInput, requireIdentity } from '@clinigraph/kit';
import { and, asc, desc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import { builder } from '../builder.ts';
import { appointmentType, schedule, scheduleException } from '../db/schema.ts';
import { addDays, localInstant } from '../domain/time.ts';
import { createAppointmentType, updateAppointmentType } from '../services/appointment-types.ts';
import { inScope } from '../services/facility-scope.ts';
import { addScheduleException, createSchedule, removeScheduleException, setFacilityTimezone, updateSchedule } from '../services/schedules.ts';
import { zoneOf } from '../services/zones.ts';
import { AppointmentTypeRef, BookingPolicyEnum, ExceptionKindEnum, Facility, ScheduleExceptionRef, ScheduleRef } from './types.ts';

const uuidArg = (value: string | number | null | undefined, name: string) => {
  if (value == null) return undefined;
  if (!isUuid(String(value))) throw badInput(`${name} must be a UUID`);
  return String(value);
};

/** A calendar view of exceptions spans at most two years. */
const exceptionRange = dateRange(731);

const BreakInput = builder.inputType('WallClockRangeInput', {
  fields: (t) => ({ start: t.string({ required: true }), end: t.string({ required: true }) }),
});
const RuleInput = builder.inputType('ScheduleRuleInput', {
  fields: (t) => ({
    weekday: t.int({ required: true, description: 'ISO weekday: 1 = Monday … 7 = Sunday.' }),
    startTime: t.string({ required: true, description: 'Local wall-clock time, HH:MM.' }),
    endTime: t.string({ required: true, description: 'Local wall-clock time, HH:MM (24:00 = midnight at the end of the day).' }),
    slotMinutes: t.int({ required: true }),
    breaks: t.field({ type: [BreakInput] }),
    effectiveFrom: t.field({ type: 'Date' }),
    effectiveTo: t.field({ type: 'Date' }),
  }),
});
const ScheduleInput = builder.inputType('CreateScheduleInput', {
  fields: (t) => ({
    providerId: t.id({ required: true }),
    facilityId: t.id({ required: true }),
    timezone: t.string({ description: 'The facility’s IANA time zone. Required for a facility’s first schedule; must match afterwards.' }),
    specialty: t.string({ description: 'The service these sessions are for; slot search filters on it.' }),
    label: t.string(),
    effectiveFrom: t.field({ type: 'Date', required: true }),
    effectiveTo: t.field({ type: 'Date' }),
    rules: t.field({ type: [RuleInput], required: true }),
  }),
});
const ScheduleUpdate = builder.inputType('UpdateScheduleInput', {
  fields: (t) => ({
    specialty: t.string(),
    label: t.string(),
    effectiveFrom: t.field({ type: 'Date' }),
    effectiveTo: t.field({ type: 'Date' }),
    active: t.boolean(),
    rules: t.field({ type: [RuleInput], description: 'Replaces every weekly session.' }),
  }),
});
const ExceptionInput = builder.inputType('ScheduleExceptionInput', {
  fields: (t) => ({
    kind: t.field({ type: ExceptionKindEnum, required: true }),
    facilityId: t.id({ description: 'For holidays and time off.' }),
    providerId: t.id({ description: 'For time off.' }),
    scheduleId: t.id({ description: 'For extra sessions.' }),
    date: t.field({ type: 'Date', required: true }),
    endDate: t.field({ type: 'Date', description: 'Last day, for several days off.' }),
    startTime: t.string({ description: 'Local HH:MM; whole days when absent.' }),
    endTime: t.string(),
    slotMinutes: t.int({ description: 'For extra sessions.' }),
    reason: t.string(),
  }),
});
const TypeInput = builder.inputType('CreateAppointmentTypeInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    durationMinutes: t.int({ required: true }),
    bufferBeforeMinutes: t.int(),
    bufferAfterMinutes: t.int(),
    bookingPolicy: t.field({ type: BookingPolicyEnum }),
    providerIds: t.idList({ description: 'The providers who offer it.' }),
  }),
});
const TypeUpdate = builder.inputType('UpdateAppointmentTypeInput', {
  fields: (t) => ({
    name: t.string(),
    durationMinutes: t.int(),
    bufferBeforeMinutes: t.int(),
    bufferAfterMinutes: t.int(),
    bookingPolicy: t.field({ type: BookingPolicyEnum }),
    providerIds: t.idList({ description: 'Replaces the providers who offer it.' }),
    active: t.boolean(),
  }),
});

const FacilityTimezoneRef = builder.objectRef<{ facilityId: string; timezone: string }>('FacilityTimezone').implement({
  description: 'The zone scheduling computes a facility’s wall-clock schedules in.',
  fields: (t) => ({
    facility: t.field({ type: Facility, resolve: (z) => ({ id: z.facilityId }) }),
    timezone: t.exposeString('timezone'),
  }),
});

/*
 * Schedules, types and exceptions are not patient data: any signed-in caller may read them, staff those of
 * their facilities (patients see every facility's, to book anywhere). Appointment types have no facility:
 * they are the network's shared catalogue (a consultation is a consultation at every site), so every
 * caller reads all of them.
 */
builder.queryFields((t) => ({
  appointmentTypes: t.field({
    type: [AppointmentTypeRef],
    args: { includeInactive: t.arg.boolean() },
    resolve: (_r, { includeInactive }, ctx) => {
      requireIdentity(ctx);
      return ctx.db
        .select()
        .from(appointmentType)
        .where(includeInactive ? undefined : eq(appointmentType.active, true))
        .orderBy(asc(appointmentType.name));
    },
  }),
  schedules: t.field({
    type: [ScheduleRef],
    args: { providerId: t.arg.id(), facilityId: t.arg.id(), includeInactive: t.arg.boolean() },
    resolve: (_r, args, ctx) => {
      requireIdentity(ctx);
      const providerId = uuidArg(args.providerId, 'providerId');
      const facilityId = uuidArg(args.facilityId, 'facilityId');
      return ctx.db
        .select()
        .from(schedule)
        .where(
          and(
            providerId ? eq(schedule.providerId, providerId) : undefined,
            facilityId ? eq(schedule.facilityId, facilityId) : undefined,
            args.includeInactive ? undefined : eq(schedule.active, true),
            inScope(ctx.identity, schedule.facilityId),
          ),
        )
        .orderBy(desc(schedule.effectiveFrom))
        .limit(500);
    },
  }),
  scheduleExceptions: t.field({
    type: [ScheduleExceptionRef],
    description: 'Time off, holidays and extra sessions touching the local dates from–to at a facility.',
    args: {
      facilityId: t.arg.id({ required: true }),
      providerId: t.arg.id(),
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
    },
    resolve: async (_r, args, ctx) => {
      requireIdentity(ctx);
      const facilityId = uuidArg(args.facilityId, 'facilityId') as string;
      assertFacilityAccess(ctx, facilityId, 'Facility');
      const providerId = uuidArg(args.providerId, 'providerId');
      const range = parseInput(exceptionRange, { from: args.from, to: args.to });
      const zone = await zoneOf(ctx.db, facilityId);
      const lo = new Date(localInstant(range.from, 0, zone));
      const hi = new Date(localInstant(addDays(range.to, 1), 0, zone));
      return ctx.db
        .select()
        .from(scheduleException)
        .where(
          and(
            lt(scheduleException.startsAt, hi),
            gt(scheduleException.endsAt, lo),
            eq(scheduleException.facilityId, facilityId),
            providerId ? or(isNull(scheduleException.providerId), eq(scheduleException.providerId, providerId)) : undefined,
          ),
        )
        .orderBy(asc(scheduleException.startsAt))
        .limit(500);
    },
  }),
}));

builder.mutationFields((t) => ({
  setFacilityTimezone: t.field({
    type: FacilityTimezoneRef,
    args: { facilityId: t.arg.id({ required: true }), timezone: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => setFacilityTimezone(ctx, String(args.facilityId), args.timezone),
  }),
  createSchedule: t.field({
    type: ScheduleRef,
    args: { input: t.arg({ type: ScheduleInput, required: true }) },
    resolve: (_r, { input }, ctx) => createSchedule(ctx, input),
  }),
  updateSchedule: t.field({
    type: ScheduleRef,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: ScheduleUpdate, required: true }) },
    resolve: (_r, { id, input }, ctx) => updateSchedule(ctx, String(id), input),
  }),
  addScheduleException: t.field({
    type: ScheduleExceptionRef,
    args: { input: t.arg({ type: ExceptionInput, required: true }) },
    resolve: (_r, { input }, ctx) => addScheduleException(ctx, input),
  }),
  removeScheduleException: t.boolean({
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => removeScheduleException(ctx, String(id)),
  }),
  createAppointmentType: t.field({
    type: AppointmentTypeRef,
    args: { input: t.arg({ type: TypeInput, required: true }) },
    resolve: (_r, { input }, ctx) => createAppointmentType(ctx, input),
  }),
  updateAppointmentType: t.field({
    type: AppointmentTypeRef,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: TypeUpdate, required: true }) },
    resolve: (_r, { id, input }, ctx) => updateAppointmentType(ctx, String(id), input),
  }),
}));
