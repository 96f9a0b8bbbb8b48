import { IDEMPOTENCY_KEY_DESCRIPTION } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { rescheduleAppointment } from '../services/booking.ts';
import { bookAppointmentOnce, bookSeriesOnce } from '../services/idempotent-booking.ts';
import { type Move, transition } from '../services/transitions.ts';
import { AppointmentRef, SeriesRef } from './types.ts';

const BookInput = builder.inputType('BookAppointmentInput', {
  fields: (t) => ({
    patientId: t.id({ description: 'Staff name the patient. A patient books for themselves and leaves this out.' }),
    providerId: t.id({ required: true }),
    facilityId: t.id({ required: true }),
    typeId: t.id({ required: true }),
    startsAt: t.field({ type: 'DateTime', required: true }),
    reason: t.string(),
    allowOutsideSchedule: t.boolean({ description: 'Staff only: book a time that is not a slot of the schedule (overlaps are still refused).' }),
  }),
});

const SeriesInput = builder.inputType('BookSeriesInput', {
  fields: (t) => ({
    patientId: t.id(),
    providerId: t.id({ required: true }),
    facilityId: t.id({ required: true }),
    typeId: t.id({ required: true }),
    startsAt: t.field({ type: 'DateTime', required: true, description: 'The first occurrence.' }),
    rrule: t.string({ required: true, description: 'An RFC 5545 rule with COUNT or UNTIL, e.g. FREQ=WEEKLY;INTERVAL=2;COUNT=6.' }),
    reason: t.string(),
    allowOutsideSchedule: t.boolean(),
  }),
});

const moveField = (move: Move, description: string) =>
  builder.mutationField(
    {
      confirm: 'confirmAppointment',
      cancel: 'cancelAppointment',
      check_in: 'checkInAppointment',
      start: 'startAppointment',
      complete: 'completeAppointment',
      no_show: 'markNoShow',
      undo_no_show: 'undoNoShow',
    }[move],
    (t) =>
      t.field({
        type: AppointmentRef,
        description,
        args: { id: t.arg.id({ required: true }), reason: t.arg.string() },
        resolve: (_r, { id, reason }, ctx) => transition(ctx, String(id), move, reason ?? null),
      }),
  );

moveField('confirm', 'Staff confirm a requested appointment.');
moveField('cancel', 'Cancel (staff, or the patient their own before check-in). The freed time is offered to the waitlist.');
moveField('check_in', 'Check the patient in: gives the day’s queue token for the provider and emits appointment.checked_in.');
moveField('start', 'The clinician starts the visit.');
moveField('complete', 'The clinician completes the visit.');
moveField('no_show', 'Staff mark a no-show once the start time has passed.');
moveField(
  'undo_no_show',
  'Staff undo a no-show on the appointment’s day (the patient came after all): back to confirmed, unless the time was booked since (SLOT_TAKEN).',
);

builder.mutationFields((t) => ({
  bookAppointment: t.field({
    type: AppointmentRef,
    description: 'Books a slot. Overlaps are refused by the database with SLOT_TAKEN, however many book at once.',
    args: { input: t.arg({ type: BookInput, required: true }), idempotencyKey: t.arg.string({ description: IDEMPOTENCY_KEY_DESCRIPTION }) },
    resolve: (_r, { input, idempotencyKey }, ctx) => bookAppointmentOnce(ctx, input, idempotencyKey),
  }),
  rescheduleAppointment: t.field({
    type: AppointmentRef,
    description: 'Moves an appointment atomically: the old time is freed only if the new one is taken.',
    args: {
      id: t.arg.id({ required: true }),
      startsAt: t.arg({ type: 'DateTime', required: true }),
      providerId: t.arg.id(),
      reason: t.arg.string(),
      allowOutsideSchedule: t.arg.boolean(),
    },
    resolve: (_r, args, ctx) => rescheduleAppointment(ctx, { ...args, id: String(args.id) }),
  }),
  bookSeries: t.field({
    type: SeriesRef,
    description: 'Books a recurring series all or nothing; SLOT_TAKEN lists the conflicting dates in extensions.conflicts.',
    args: { input: t.arg({ type: SeriesInput, required: true }), idempotencyKey: t.arg.string({ description: IDEMPOTENCY_KEY_DESCRIPTION }) },
    resolve: (_r, { input, idempotencyKey }, ctx) => bookSeriesOnce(ctx, input, idempotencyKey),
  }),
}));
