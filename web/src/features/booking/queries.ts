import { graphql, type ResultOf } from '../../lib/graphql.ts';

/** Who offers what: the choices of every booking form. */
export const BOOKING_CHOICES = graphql(`
  query BookingChoices {
    providers { id displayName specialty facilities { id } }
    appointmentTypes { id name durationMinutes bookingPolicy providers { id } }
  }
`);

export type BookingChoices = ResultOf<typeof BOOKING_CHOICES>;

/** A free time as the slot pickers show and book it. */
export const SLOT_FIELDS = graphql(`
  fragment SlotFields on Slot {
    startsAt endsAt localDate provider { id displayName } facility { id name timezone } type { id name }
  }
`);

export type SlotInfo = ResultOf<typeof SLOT_FIELDS>;

export const SLOTS = graphql(
  `
  query Slots($input: SlotSearchInput!, $first: Int, $after: String) {
    slots(input: $input, first: $first, after: $after) {
      nodes { ...SlotFields }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
  [SLOT_FIELDS],
);

export const FIRST_AVAILABLE = graphql(
  `
  query FirstAvailableSlots($input: SlotSearchInput!) {
    firstAvailableSlots(input: $input) { ...SlotFields }
  }
`,
  [SLOT_FIELDS],
);

export const slotKey = (s: SlotInfo) => `${s.provider.id}@${s.startsAt}`;
