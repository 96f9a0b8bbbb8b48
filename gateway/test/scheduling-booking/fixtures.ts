import { randomUUID } from 'node:crypto';
import type { Role } from '@clinigraph/kit';
import { type GqlClient, gqlClient, tokenFor } from '@clinigraph/kit/testing';
import type { TestStack } from '../../src/testing/stack.ts';

export const CREATE_TYPE = `mutation T($input: CreateAppointmentTypeInput!) { createAppointmentType(input: $input) { id code durationMinutes } }`;
export const CREATE_SCHEDULE = `mutation S($input: CreateScheduleInput!) { createSchedule(input: $input) { id timezone } }`;
export const BOOK = `mutation B($input: BookAppointmentInput!) { bookAppointment(input: $input) { id status startsAt endsAt } }`;
export const RESCHEDULE = `mutation R($id: ID!, $startsAt: DateTime!) { rescheduleAppointment(id: $id, startsAt: $startsAt) { id startsAt status } }`;
export const CANCEL = `mutation C($id: ID!, $reason: String) { cancelAppointment(id: $id, reason: $reason) { id status } }`;

export type Policy = 'PATIENT_INSTANT' | 'PATIENT_REQUEST' | 'STAFF_ONLY';

export interface Clinic {
  facilityId: string;
  providerIds: string[];
  typeId: string;
}

let codes = 0;

/**
 * A fresh clinic for one test: a new facility and new provider ids (scheduling needs no people
 * record to book them), a type they offer, and weekly sessions, all created through the gateway.
 */
export async function openClinic(
  staff: GqlClient,
  options: {
    providers?: number;
    providerIds?: string[];
    durationMinutes?: number;
    bufferBeforeMinutes?: number;
    bufferAfterMinutes?: number;
    policy?: Policy;
    rules?: { weekday: number; startTime: string; endTime: string; slotMinutes: number; breaks?: { start: string; end: string }[] }[];
    specialty?: string;
    /** Defaults to a new facility in America/New_York, so the seeded holidays do not apply. */
    facilityId?: string;
  } = {},
): Promise<Clinic> {
  const facilityId = options.facilityId ?? randomUUID();
  const providerIds = options.providerIds ?? Array.from({ length: options.providers ?? 1 }, () => randomUUID());
  const { createAppointmentType } = await staff.data<{ createAppointmentType: { id: string } }>(CREATE_TYPE, {
    input: {
      code: `T${process.pid % 1000}_${++codes}_${Math.floor(Math.random() * 1e6)}`,
      name: 'Test visit',
      durationMinutes: options.durationMinutes ?? 30,
      bufferBeforeMinutes: options.bufferBeforeMinutes ?? 0,
      bufferAfterMinutes: options.bufferAfterMinutes ?? 0,
      bookingPolicy: options.policy ?? 'PATIENT_INSTANT',
      providerIds,
    },
  });
  const rules =
    options.rules ?? [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '00:00', endTime: '24:00', slotMinutes: options.durationMinutes ?? 30 }));
  for (const providerId of providerIds) {
    await staff.data(CREATE_SCHEDULE, {
      input: { providerId, facilityId, timezone: 'America/New_York', specialty: options.specialty ?? 'Testing', effectiveFrom: '2026-01-01', rules },
    });
  }
  return { facilityId, providerIds, typeId: createAppointmentType.id };
}

/**
 * The demo account of this role, signed in for every facility (a token not confined to facilities, as
 * the kit's `tokenFor` gives a test that is not about where): the clinics `openClinic` opens are fresh
 * facilities no demo account belongs to. Facility scoping itself is proven in facility-isolation/.
 */
export async function networkWide(stack: TestStack, role: Role): Promise<GqlClient> {
  const { me } = await (await stack.as(role)).data<{ me: { id: string; provider: { id: string } | null } }>('{ me { id provider { id } } }');
  return gqlClient(stack.graphqlUrl, await tokenFor({ userId: me.id, roles: [role], providerId: me.provider?.id ?? null, facilityIds: null }));
}

/**
 * Day offsets from today, from `first` on, that skip the demo facility's Christmas Day and New Year's Day
 * holidays (scheduling's seed): tests that book at the demo facility take their days from here, so they
 * pass on every date of the year.
 */
export function demoWorkdays(first: number, count: number): number[] {
  const days: number[] = [];
  for (let d = first; days.length < count; d++) if (!/-(12-25|01-01)T/.test(futureSlot(d))) days.push(d);
  return days;
}

/** A future instant on the 30-minute grid (UTC-aligned, so on the grid of an all-day New York schedule too). */
export function futureSlot(daysAhead: number, hour = 15, minute = 0): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + daysAhead);
  d.setUTCHours(hour, minute, 0, 0);
  return d.toISOString();
}

export const countRows = async (stack: TestStack, sqlText: string, params: unknown[] = []) =>
  Number((await stack.db.database.query<{ n: string | number }>(sqlText, params))[0]?.n ?? 0);
