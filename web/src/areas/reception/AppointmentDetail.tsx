import { useParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { APPOINTMENT_FIELDS } from '../../features/appointments/fields.ts';
import { RescheduleForm } from '../../features/appointments/RescheduleForm.tsx';
import { StaffActions } from '../../features/appointments/StaffActions.tsx';
import { StatusBadge } from '../../features/appointments/StatusBadge.tsx';
import { formatDate, formatZonedDateTime, formatZonedTime, localDate } from '../../lib/format.ts';
import { graphql, readFragment } from '../../lib/graphql.ts';
import { APPOINTMENT_STATUS, appointmentAction } from '../../lib/labels/people.ts';
import { nameOr } from '../../lib/unavailable.ts';
import { Loaded } from '../../ui/Loaded.tsx';

export const APPOINTMENT = graphql(
  `
  query Appointment($id: ID!) {
    appointment(id: $id) {
      ...AppointmentFields
      history { action toStatus fromStartsAt toStartsAt reason at }
    }
  }
`,
  [APPOINTMENT_FIELDS],
);

/** One appointment: its actions, a new time, and what happened to it. */
export function AppointmentDetail() {
  const params = useParams<{ id: string }>();
  const [result] = createQuery({ query: APPOINTMENT, variables: () => ({ id: params.id }) });
  return (
    <section class="page" aria-labelledby="appointment-title">
      <Loaded result={result}>
        {(data) => {
          const a = () => readFragment(APPOINTMENT_FIELDS, data().appointment);
          return (
            <>
              <h1 id="appointment-title">
                {nameOr(a().patient, 'Patient')} — {formatDate(a().localDate)} {formatZonedTime(a().startsAt, a().facility?.timezone)}
              </h1>
              <p>
                {a().type.name} with {nameOr(a().provider, 'Provider')} <StatusBadge status={a().status} />
              </p>
              <StaffActions appointment={a()} />
              <Show when={a().status === 'CONFIRMED' || a().status === 'REQUESTED'}>
                <RescheduleForm appointment={a()} today={localDate(new Date(), a().facility?.timezone)} />
              </Show>
              <h2>History</h2>
              <ol class="history">
                <For each={data().appointment.history}>
                  {(h) => (
                    <li>
                      {formatZonedDateTime(h.at, a().facility?.timezone)}: {appointmentAction(h.action)} → {APPOINTMENT_STATUS[h.toStatus]}
                      {h.toStartsAt && h.fromStartsAt ? ` (from ${formatZonedDateTime(h.fromStartsAt, a().facility?.timezone)})` : ''}
                      {h.reason ? ` — ${h.reason}` : ''}
                    </li>
                  )}
                </For>
              </ol>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
