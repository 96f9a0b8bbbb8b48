import type { Db, SeedRefs } from '@clinigraph/kit';
import { DateTime } from 'luxon';
import { appointment, appointmentType, facilityZone, schedule, scheduleException, scheduleRule, typeOffering } from './db/schema.ts';
import { localInstant } from './domain/time.ts';

export const DEMO_TIMEZONE = 'America/New_York';

const TYPES = [
  { code: 'CONSULT', name: 'Consultation', durationMinutes: 20, bookingPolicy: 'patient_instant' },
  { code: 'FOLLOWUP', name: 'Follow-up', durationMinutes: 15, bookingPolicy: 'patient_instant' },
  { code: 'DENTAL', name: 'Dental check-up', durationMinutes: 30, bufferAfterMinutes: 10, bookingPolicy: 'patient_request' },
  { code: 'PROCEDURE', name: 'Minor procedure', durationMinutes: 60, bufferBeforeMinutes: 10, bufferAfterMinutes: 15, bookingPolicy: 'staff_only' },
] as const;

const weekdays = (days: number[], startTime: string, endTime: string, slotMinutes: number, breaks: { start: string; end: string }[] = []) =>
  days.map((weekday) => ({ weekday, startTime, endTime, slotMinutes, breaks }));

/**
 * Demo schedules at the seeded facility (America/New_York): a GP (Dr. Okafor, 20-minute slots,
 * weekdays and Saturday mornings) and a dentist (Dr. Weber, 30-minute slots, long and late days),
 * the next Christmas and New Year as holidays, a week of time off, an extra Saturday session, and
 * two appointments a couple of hours from now. Idempotent, part by part.
 */
export async function seedScheduling(db: Db, refs: SeedRefs): Promise<void> {
  const [gp, dentist] = refs.providerIds;
  if (!gp || !dentist) return;
  await db.insert(facilityZone).values({ facilityId: refs.facilityId, timezone: DEMO_TIMEZONE }).onConflictDoNothing();
  await db
    .insert(appointmentType)
    .values([...TYPES])
    .onConflictDoNothing();
  const types = Object.fromEntries((await db.select().from(appointmentType)).map((t) => [t.code, t]));
  const offered = { CONSULT: [gp], FOLLOWUP: [gp, dentist], DENTAL: [dentist], PROCEDURE: [gp, dentist] };
  await db
    .insert(typeOffering)
    .values(
      Object.entries(offered).flatMap(([code, providers]) => (types[code] ? providers.map((providerId) => ({ typeId: types[code]!.id, providerId })) : [])),
    )
    .onConflictDoNothing();

  const existing = await db.select({ id: schedule.id }).from(schedule).limit(1);
  if (existing.length) return;
  const today = DateTime.now().setZone(DEMO_TIMEZONE).startOf('day');
  const [gpSchedule, dentalSchedule] = await db
    .insert(schedule)
    .values([
      { providerId: gp, facilityId: refs.facilityId, specialty: 'General Practice', label: 'GP clinic', effectiveFrom: '2026-01-01' },
      { providerId: dentist, facilityId: refs.facilityId, specialty: 'Dentistry', label: 'Dental clinic', effectiveFrom: '2026-01-01' },
    ])
    .returning();
  await db
    .insert(scheduleRule)
    .values([
      ...weekdays([1, 2, 3, 4, 5], '09:00', '17:00', 20, [{ start: '12:30', end: '13:30' }]).map((r) => ({ ...r, scheduleId: gpSchedule!.id })),
      ...weekdays([6], '09:00', '12:00', 20).map((r) => ({ ...r, scheduleId: gpSchedule!.id })),
      ...weekdays([1, 3, 5], '08:00', '16:00', 30, [{ start: '12:00', end: '13:00' }]).map((r) => ({ ...r, scheduleId: dentalSchedule!.id })),
      ...weekdays([2, 4], '12:00', '19:00', 30, [{ start: '15:30', end: '16:00' }]).map((r) => ({ ...r, scheduleId: dentalSchedule!.id })),
    ]);

  const day = (d: DateTime) => d.toISODate() as string;
  const wholeDays = (from: DateTime, days: number) => ({
    startsAt: new Date(localInstant(day(from), 0, DEMO_TIMEZONE)),
    endsAt: new Date(localInstant(day(from.plus({ days })), 0, DEMO_TIMEZONE)),
  });
  const christmas = today.set({ month: 12, day: 25 }) < today ? today.set({ month: 12, day: 25 }).plus({ years: 1 }) : today.set({ month: 12, day: 25 });
  const nextSaturday = today.plus({ days: ((6 - today.weekday + 7) % 7) + 7 });
  await db.insert(scheduleException).values([
    { kind: 'holiday', facilityId: refs.facilityId, reason: 'Christmas Day', ...wholeDays(christmas, 1) },
    { kind: 'holiday', facilityId: refs.facilityId, reason: 'New Year’s Day', ...wholeDays(christmas.plus({ days: 7 }), 1) },
    { kind: 'time_off', facilityId: refs.facilityId, providerId: gp, reason: 'Annual leave', ...wholeDays(christmas.plus({ days: 3 }), 4) },
    {
      kind: 'extra_session',
      facilityId: refs.facilityId,
      providerId: dentist,
      scheduleId: dentalSchedule!.id,
      slotMinutes: 30,
      reason: 'Saturday catch-up clinic',
      startsAt: new Date(localInstant(day(nextSaturday), 10 * 60, DEMO_TIMEZONE)),
      endsAt: new Date(localInstant(day(nextSaturday), 14 * 60, DEMO_TIMEZONE)),
    },
  ]);

  const booked = await db.select({ id: appointment.id }).from(appointment).limit(1);
  if (booked.length || !types.CONSULT) return;
  const consult = types.CONSULT;
  const start = new Date();
  start.setUTCHours(start.getUTCHours() + 2, 0, 0, 0);
  await db.insert(appointment).values(
    refs.patientIds.slice(0, 2).map((patientId, i) => ({
      facilityId: refs.facilityId,
      providerId: gp,
      patientId,
      typeId: consult.id,
      startsAt: new Date(start.getTime() + i * 20 * 60_000),
      endsAt: new Date(start.getTime() + (i + 1) * 20 * 60_000),
      reason: i === 0 ? 'Persistent cough' : 'Annual check-up',
    })),
  );
}
