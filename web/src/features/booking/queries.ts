import { gql } from '@urql/solid';

export interface ProviderInfo {
  id: string;
  displayName: string;
  specialty: string;
  facilities: { id: string }[];
}

export interface AppointmentTypeInfo {
  id: string;
  name: string;
  durationMinutes: number;
  bookingPolicy: 'PATIENT_INSTANT' | 'PATIENT_REQUEST' | 'STAFF_ONLY';
  providers: { id: string }[];
}

export interface SlotInfo {
  startsAt: string;
  endsAt: string;
  localDate: string;
  provider: { id: string; displayName: string };
  facility: { id: string; name: string; timezone: string };
  type: { id: string; name: string };
}

/** Who offers what: the choices of every booking form. */
export const BOOKING_CHOICES = gql`
  query BookingChoices {
    providers { id displayName specialty facilities { id } }
    appointmentTypes { id name durationMinutes bookingPolicy providers { id } }
  }
`;

export interface BookingChoices {
  providers: ProviderInfo[];
  appointmentTypes: AppointmentTypeInfo[];
}

export const SLOT_FIELDS = `startsAt endsAt localDate provider { id displayName } facility { id name timezone } type { id name }`;

export const SLOTS = gql`
  query Slots($input: SlotSearchInput!, $first: Int, $after: String) {
    slots(input: $input, first: $first, after: $after) {
      nodes { ${SLOT_FIELDS} }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const FIRST_AVAILABLE = gql`
  query FirstAvailableSlots($input: SlotSearchInput!) {
    firstAvailableSlots(input: $input) { ${SLOT_FIELDS} }
  }
`;

export const slotKey = (s: SlotInfo) => `${s.provider.id}@${s.startsAt}`;
