import { gql } from '@urql/solid';
import { APPOINTMENT_FIELDS } from './fields.ts';

export const CHECK_IN = gql`
  mutation CheckIn($id: ID!) {
    checkInAppointment(id: $id) { ...AppointmentFields }
  }
  ${APPOINTMENT_FIELDS}
`;

export const CANCEL = gql`
  mutation CancelAppointment($id: ID!, $reason: String) {
    cancelAppointment(id: $id, reason: $reason) { ...AppointmentFields }
  }
  ${APPOINTMENT_FIELDS}
`;

export const CONFIRM = gql`
  mutation ConfirmAppointment($id: ID!) {
    confirmAppointment(id: $id) { ...AppointmentFields }
  }
  ${APPOINTMENT_FIELDS}
`;

export const RESCHEDULE = gql`
  mutation Reschedule($id: ID!, $startsAt: DateTime!, $providerId: ID, $reason: String) {
    rescheduleAppointment(id: $id, startsAt: $startsAt, providerId: $providerId, reason: $reason) { ...AppointmentFields }
  }
  ${APPOINTMENT_FIELDS}
`;
