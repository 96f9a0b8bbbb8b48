import { zonedInstant } from '../../lib/format.ts';
import { graphql, type ResultOf } from '../../lib/graphql.ts';

/** A waitlist entry with its offers, as reception and the portal show it. */
export const WAITLIST_FIELDS = graphql(`
  fragment WaitlistFields on WaitlistEntry {
    id status earliest latest priority note
    patient { id displayName }
    provider { displayName }
    type { name }
    facility { timezone }
    offers { id startsAt expiresAt status provider { displayName } facility { timezone } }
  }
`);

export type WaitlistEntryInfo = ResultOf<typeof WAITLIST_FIELDS>;

export const WAITLIST = graphql(
  `
  query Waitlist($status: [WaitlistStatus!], $facilityId: ID) {
    waitlist(status: $status, facilityId: $facilityId) { ...WaitlistFields }
  }
`,
  [WAITLIST_FIELDS],
);

export const JOIN_WAITLIST = graphql(
  `
  mutation JoinWaitlist($input: JoinWaitlistInput!) {
    joinWaitlist(input: $input) { ...WaitlistFields }
  }
`,
  [WAITLIST_FIELDS],
);

export const LEAVE_WAITLIST = graphql(
  `
  mutation LeaveWaitlist($id: ID!) {
    leaveWaitlist(id: $id) { ...WaitlistFields }
  }
`,
  [WAITLIST_FIELDS],
);

/** A facility-local date picked in a form as the instant its day starts (or ends) in the facility's zone. */
export const dayStart = (date: string, timeZone: string) => zonedInstant(date, '00:00:00', timeZone);
export const dayEnd = (date: string, timeZone: string) => zonedInstant(date, '23:59:59', timeZone);
