/**
 * How far ahead the clinic books: the schedule horizon. Schedules run open-ended, so slots exist on any
 * later date; slots past this are not offered, and a booking past it (2099 for 2026) is refused.
 */
export const BOOKING_HORIZON_DAYS = 365;

/** The last instant (ms) bookable at `now`. */
export const horizonEnd = (now: number): number => now + BOOKING_HORIZON_DAYS * 86_400_000;
