import { gql } from '@urql/solid';

export interface AppointmentInfo {
  id: string;
  startsAt: string;
  endsAt: string;
  localDate: string;
  status: 'REQUESTED' | 'CONFIRMED' | 'CHECKED_IN' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED' | 'NO_SHOW';
  reason: string | null;
  updatedAt: string;
  queueToken: number | null;
  queuePosition: number | null;
  type: { id: string; name: string };
  patient: { id: string; displayName: string; mrn: string };
  provider: { id: string; displayName: string };
  facility: { id: string; name: string; timezone: string };
}

export const APPOINTMENT_FIELDS = gql`
  fragment AppointmentFields on Appointment {
    id startsAt endsAt localDate status reason updatedAt queueToken queuePosition
    type { id name }
    patient { id displayName mrn }
    provider { id displayName }
    facility { id name timezone }
  }
`;

/** Appointments still taking up time, in the order people read a day. */
export const byStart = (a: AppointmentInfo, b: AppointmentInfo) =>
  a.startsAt.localeCompare(b.startsAt) || a.provider.displayName.localeCompare(b.provider.displayName);

export const isActive = (a: AppointmentInfo) => a.status !== 'CANCELLED' && a.status !== 'NO_SHOW';
