import { createQuery, createSubscription } from '@urql/solid';
import { createSignal } from 'solid-js';
import { dayWindow } from '../../lib/format.ts';
import { graphql, type ResultOf, readFragment } from '../../lib/graphql.ts';
import { createLiveList } from '../../lib/live-list.ts';
import { APPOINTMENT_FIELDS, type AppointmentInfo, byStart } from './fields.ts';

export const DAY_APPOINTMENTS = graphql(
  `
  query DayAppointments($from: DateTime!, $to: DateTime!, $facilityId: ID, $providerId: ID) {
    appointments(from: $from, to: $to, facilityId: $facilityId, providerId: $providerId) { ...AppointmentFields }
  }
`,
  [APPOINTMENT_FIELDS],
);

export const APPOINTMENT_CHANGED = graphql(
  `
  subscription AppointmentChanged($facilityId: ID, $providerId: ID, $day: Date, $mine: Boolean, $after: String) {
    appointmentChanged(facilityId: $facilityId, providerId: $providerId, day: $day, mine: $mine, after: $after) {
      cursor
      kind
      occurredAt
      appointment { ...AppointmentFields }
    }
  }
`,
  [APPOINTMENT_FIELDS],
);

type AppointmentChange = ResultOf<typeof APPOINTMENT_CHANGED>['appointmentChanged'];

/** A live change to an appointment, with the appointment as it is now. */
export type AppointmentEvent = Omit<AppointmentChange, 'appointment'> & { appointment: AppointmentInfo };

export interface DayFilter {
  day: string;
  facilityId?: string;
  providerId?: string;
  /** The signed-in clinician's own appointments. */
  mine?: boolean;
}

/**
 * One facility-local day of appointments, loaded once and then kept current by appointmentChanged:
 * bookings, moves, cancellations and check-ins appear without a reload.
 */
export function createLiveDay(filter: () => DayFilter | null) {
  const [result] = createQuery({
    query: DAY_APPOINTMENTS,
    variables: () => {
      const f = filter();
      return { ...dayWindow(f?.day ?? '1970-01-01'), facilityId: f?.facilityId, providerId: f?.providerId };
    },
    pause: () => !filter(),
  });
  const [latest, setLatest] = createSignal<AppointmentEvent | null>(null);
  const list = createLiveList(
    () => (result.data?.appointments ? readFragment(APPOINTMENT_FIELDS, result.data.appointments) : undefined),
    (a) => {
      const f = filter();
      return !!f && a.localDate === f.day && (!f.facilityId || a.facility?.id === f.facilityId) && (!f.providerId || a.provider?.id === f.providerId);
    },
    byStart,
  );
  const [live] = createSubscription(
    {
      query: APPOINTMENT_CHANGED,
      variables: () => {
        const f = filter();
        return { day: f?.day, facilityId: f?.facilityId, providerId: f?.providerId, mine: f?.mine };
      },
      pause: () => !filter(),
    },
    (_previous: AppointmentEvent | null | undefined, data): AppointmentEvent => {
      const event = { ...data.appointmentChanged, appointment: readFragment(APPOINTMENT_FIELDS, data.appointmentChanged.appointment) };
      list.apply(event.appointment);
      setLatest(event);
      return event;
    },
  );
  return { result, items: list.items, latest, live };
}
