import { APPOINTMENT_FIELDS } from '../../features/appointments/fields.ts';
import { WAITLIST_FIELDS } from '../../features/waitlist/fields.ts';
import { graphql } from '../../lib/graphql.ts';

export const MY_APPOINTMENTS = graphql(
  `
  query MyAppointments($id: ID!) {
    patient(id: $id) { id appointments { ...AppointmentFields } }
    waitlist { ...WaitlistFields }
  }
`,
  [APPOINTMENT_FIELDS, WAITLIST_FIELDS],
);

export const ACCEPT_OFFER = graphql(
  `
  mutation AcceptOffer($offerId: ID!) {
    acceptWaitlistOffer(offerId: $offerId) { ...AppointmentFields }
  }
`,
  [APPOINTMENT_FIELDS],
);

export const DECLINE_OFFER = graphql(`
  mutation DeclineOffer($offerId: ID!) {
    declineWaitlistOffer(offerId: $offerId) { id status }
  }
`);
