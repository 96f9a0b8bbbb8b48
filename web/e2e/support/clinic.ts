import type { GqlClient } from '@clinigraph/kit/testing';
import { DateTime } from 'luxon';
import type { TestStack } from '../../../gateway/src/testing/stack.ts';
import { type Slot, typeId } from './api.ts';
import { ask, graphql } from './graphql.ts';

const SCHEDULES = graphql(`
  query JourneySchedules { schedules { id provider { id } } }
`);

const ADD_EXCEPTION = graphql(`
  mutation JourneyExtraSession($i: ScheduleExceptionInput!) { addScheduleException(input: $i) { id } }
`);

const SLOTS = graphql(`
  query JourneySlots($i: SlotSearchInput!) { slots(input: $i) { nodes { startsAt localDate provider { id displayName } } } }
`);

/** The demo clinic's zone; the browser contexts use the same one. */
export const CLINIC_ZONE = 'America/New_York';

/**
 * Opens an extra session for the provider at a 20-minute boundary 10–30 minutes from now, so a journey can book,
 * check in and see the patient now, whatever the hour or weekday the suite runs at (check-in opens 12 hours
 * ahead; extra sessions ignore holidays). Returns the first free slot in it.
 */
export async function slotNow(stack: TestStack, admin: GqlClient, providerId: string, type = 'CONSULT'): Promise<Slot> {
  const { schedules } = await ask(admin, SCHEDULES);
  const scheduleId = schedules.find((s) => s.provider.id === providerId)!.id;
  // At least 10 minutes ahead, so the first slot is still in the future when the journey reaches it.
  const soon = DateTime.now().setZone(CLINIC_ZONE).plus({ minutes: 10 });
  let start = soon.startOf('hour').plus({ minutes: Math.ceil((soon.minute + 1) / 20) * 20 });
  // A session ends by 23:40 local: one that would start later opens at midnight instead.
  if (start.day !== soon.day || start.hour >= 23) start = start.plus({ hours: 1 }).startOf('day');
  const end = DateTime.min(start.plus({ hours: 2 }), start.set({ hour: 23, minute: 40 }));
  await ask(admin, ADD_EXCEPTION, {
    i: {
      kind: 'EXTRA_SESSION',
      scheduleId,
      date: start.toISODate()!,
      startTime: start.toFormat('HH:mm'),
      endTime: end.toFormat('HH:mm'),
      slotMinutes: 20,
      reason: 'Journey session',
    },
  });
  const day = start.toISODate()!;
  const { slots } = await ask(admin, SLOTS, {
    i: { typeId: await typeId(admin, type), facilityId: stack.seed.facilityId, providerIds: [providerId], from: day, to: day },
  });
  const slot = slots.nodes.find((s) => DateTime.fromISO(s.startsAt) >= start);
  if (!slot) throw new Error(`no free slot in the extra session from ${start.toISO()}`);
  return slot;
}

/** A time as the web app shows it in the clinic's zone (e.g. "02:40 PM"). */
export const timeLabel = (iso: string) => new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', timeZone: CLINIC_ZONE }).format(new Date(iso));
