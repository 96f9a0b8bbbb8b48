import { graphql, type ResultOf } from '../../lib/graphql.ts';

/** An appointment as the boards, lists and live events show it. */
export const APPOINTMENT_FIELDS = graphql(`
  fragment AppointmentFields on Appointment {
    id startsAt endsAt localDate status reason updatedAt queueToken queuePosition
    type { id name }
    patient { id displayName mrn }
    provider { id displayName }
    facility { id name timezone }
  }
`);

export type AppointmentInfo = ResultOf<typeof APPOINTMENT_FIELDS>;

/** Appointments still taking up time, in the order people read a day. */
export const byStart = (a: AppointmentInfo, b: AppointmentInfo) =>
  a.startsAt.localeCompare(b.startsAt) || (a.provider?.displayName ?? '').localeCompare(b.provider?.displayName ?? '');

export const isActive = (a: AppointmentInfo) => a.status !== 'CANCELLED' && a.status !== 'NO_SHOW';
