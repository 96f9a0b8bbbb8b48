import { gql } from '@urql/solid';

export interface WaitlistOfferInfo {
  id: string;
  startsAt: string;
  expiresAt: string;
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED' | 'LOST';
  provider: { displayName: string };
  facility: { timezone: string };
}

export interface WaitlistEntryInfo {
  id: string;
  status: 'WAITING' | 'OFFERED' | 'BOOKED' | 'CANCELLED';
  earliest: string;
  latest: string;
  priority: number;
  note: string | null;
  patient: { id: string; displayName: string };
  provider: { displayName: string } | null;
  type: { name: string };
  facility: { timezone: string };
  offers: WaitlistOfferInfo[];
}

export const WAITLIST_FIELDS = gql`
  fragment WaitlistFields on WaitlistEntry {
    id status earliest latest priority note
    patient { id displayName }
    provider { displayName }
    type { name }
    facility { timezone }
    offers { id startsAt expiresAt status provider { displayName } facility { timezone } }
  }
`;

export const WAITLIST = gql`
  query Waitlist($status: [WaitlistStatus!], $facilityId: ID) {
    waitlist(status: $status, facilityId: $facilityId) { ...WaitlistFields }
  }
  ${WAITLIST_FIELDS}
`;

export const JOIN_WAITLIST = gql`
  mutation JoinWaitlist($input: JoinWaitlistInput!) {
    joinWaitlist(input: $input) { ...WaitlistFields }
  }
  ${WAITLIST_FIELDS}
`;

export const LEAVE_WAITLIST = gql`
  mutation LeaveWaitlist($id: ID!) {
    leaveWaitlist(id: $id) { ...WaitlistFields }
  }
  ${WAITLIST_FIELDS}
`;

/** A date picked in a form as the instant its day starts (or ends) in the browser's zone. */
export const dayStart = (date: string) => new Date(`${date}T00:00:00`).toISOString();
export const dayEnd = (date: string) => new Date(`${date}T23:59:59`).toISOString();
