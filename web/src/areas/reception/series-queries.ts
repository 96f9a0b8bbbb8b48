import { APPOINTMENT_FIELDS } from '../../features/appointments/fields.ts';
import { graphql } from '../../lib/graphql.ts';

export const BOOK_SERIES = graphql(
  `
  mutation BookSeries($input: BookSeriesInput!) {
    bookSeries(input: $input) { id appointments { ...AppointmentFields } }
  }
`,
  [APPOINTMENT_FIELDS],
);

/** An occurrence the API could not book (SLOT_TAKEN's extensions.conflicts). */
export interface SeriesConflict {
  startsAt: string;
  date: string;
  reason: 'PROVIDER_BUSY' | 'PATIENT_BUSY' | 'OUTSIDE_SCHEDULE';
}

/** The most occurrences the API books in one series. */
export const MAX_OCCURRENCES = 52;

/** The RFC 5545 rule for a series every `weeks` weeks, `count` times. */
export const weeklyRule = (weeks: number, count: number) => `FREQ=WEEKLY;INTERVAL=${weeks};COUNT=${count}`;

export const CONFLICT_WORDS: Record<SeriesConflict['reason'], string> = {
  PROVIDER_BUSY: 'the provider is already booked',
  PATIENT_BUSY: 'the patient already has an appointment',
  OUTSIDE_SCHEDULE: 'the provider does not work then',
};
