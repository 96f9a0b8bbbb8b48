import { addDays } from '../../lib/format.ts';

/** How far ahead the clinic books (scheduling's BOOKING_HORIZON_DAYS): the API refuses anything later. */
export const BOOKING_HORIZON_DAYS = 365;

/** The last facility-local day a booking form offers, from the facility's today. */
export const lastBookableDay = (today: string): string => addDays(today, BOOKING_HORIZON_DAYS - 1);
