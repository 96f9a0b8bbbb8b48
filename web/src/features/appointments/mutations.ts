import { graphql } from '../../lib/graphql.ts';
import { APPOINTMENT_FIELDS } from './fields.ts';

export const CHECK_IN = graphql(
  `
  mutation CheckIn($id: ID!) {
    checkInAppointment(id: $id) { ...AppointmentFields }
  }
`,
  [APPOINTMENT_FIELDS],
);

export const CANCEL = graphql(
  `
  mutation CancelAppointment($id: ID!, $reason: String) {
    cancelAppointment(id: $id, reason: $reason) { ...AppointmentFields }
  }
`,
  [APPOINTMENT_FIELDS],
);

export const CONFIRM = graphql(
  `
  mutation ConfirmAppointment($id: ID!) {
    confirmAppointment(id: $id) { ...AppointmentFields }
  }
`,
  [APPOINTMENT_FIELDS],
);

export const RESCHEDULE = graphql(
  `
  mutation Reschedule($id: ID!, $startsAt: DateTime!, $providerId: ID, $reason: String) {
    rescheduleAppointment(id: $id, startsAt: $startsAt, providerId: $providerId, reason: $reason) { ...AppointmentFields }
  }
`,
  [APPOINTMENT_FIELDS],
);

export const START_VISIT = graphql(
  `
  mutation StartVisit($id: ID!) {
    startAppointment(id: $id) { ...AppointmentFields }
  }
`,
  [APPOINTMENT_FIELDS],
);

export const COMPLETE_VISIT = graphql(
  `
  mutation CompleteVisit($id: ID!) {
    completeAppointment(id: $id) { ...AppointmentFields }
  }
`,
  [APPOINTMENT_FIELDS],
);

export const MARK_NO_SHOW = graphql(
  `
  mutation MarkNoShow($id: ID!) {
    markNoShow(id: $id) { ...AppointmentFields }
  }
`,
  [APPOINTMENT_FIELDS],
);

export const UNDO_NO_SHOW = graphql(
  `
  mutation UndoNoShow($id: ID!) {
    undoNoShow(id: $id) { ...AppointmentFields }
  }
`,
  [APPOINTMENT_FIELDS],
);
