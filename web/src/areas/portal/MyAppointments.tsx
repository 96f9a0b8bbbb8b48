import { A } from '@solidjs/router';
import { createQuery, createSubscription } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { CancelButton } from '../../features/appointments/CancelButton.tsx';
import { APPOINTMENT_FIELDS, byStart } from '../../features/appointments/fields.ts';
import { APPOINTMENT_CHANGED } from '../../features/appointments/live.ts';
import { RescheduleForm } from '../../features/appointments/RescheduleForm.tsx';
import { StatusBadge } from '../../features/appointments/StatusBadge.tsx';
import { useFacilityChoice } from '../../features/facilities.ts';
import { WAITLIST_FIELDS } from '../../features/waitlist/fields.ts';
import { JoinWaitlistForm } from '../../features/waitlist/JoinWaitlistForm.tsx';
import { useApp } from '../../lib/app-context.ts';
import { formatDate, formatZonedTime } from '../../lib/format.ts';
import { readFragment } from '../../lib/graphql.ts';
import { createLiveList } from '../../lib/live-list.ts';
import { nameOr, UNAVAILABLE } from '../../lib/unavailable.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { MY_APPOINTMENTS } from './queries.ts';
import { WaitlistOffers } from './WaitlistOffers.tsx';

/** How many past appointments the page lists, newest first. */
const PAST_SHOWN = 10;

/** The patient's appointments (live), with reschedule, cancel, and the waitlist; and the recent past, with how each ended. */
export function MyAppointments() {
  const { session } = useApp();
  const place = useFacilityChoice();
  const [result, refetch] = createQuery({
    query: MY_APPOINTMENTS,
    variables: () => ({ id: session.account()?.patientId ?? '' }),
  });
  const now = new Date().toISOString();
  const appointments = () => {
    const held = result.data?.patient?.appointments;
    return held ? readFragment(APPOINTMENT_FIELDS, held) : undefined;
  };
  const list = createLiveList(appointments, (a) => a.endsAt >= now, byStart);
  const past = createLiveList(
    appointments,
    (a) => a.endsAt < now,
    (a, b) => byStart(b, a),
  );
  createSubscription({ query: APPOINTMENT_CHANGED, variables: { mine: true } }, (_p, data) => {
    const changed = readFragment(APPOINTMENT_FIELDS, data.appointmentChanged.appointment);
    list.apply(changed);
    past.apply(changed);
    return data;
  });
  const [moving, setMoving] = createSignal<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <section class="page" aria-labelledby="my-appointments-title">
      <h1 id="my-appointments-title">My appointments</h1>
      <A href="/portal/book" class="button">
        Book an appointment
      </A>
      <Loaded result={result}>
        {(data) => (
          <>
            <WaitlistOffers entries={readFragment(WAITLIST_FIELDS, data().waitlist)} onChanged={reload} />
            <Show when={list.items().length} fallback={<p class="empty">No upcoming appointments.</p>}>
              <ul class="cards">
                <For each={list.items()}>
                  {(a) => (
                    <li class="card" classList={{ cancelled: a.status === 'CANCELLED' }}>
                      <h2>
                        {formatDate(a.localDate)} · {formatZonedTime(a.startsAt, a.facility?.timezone)}
                      </h2>
                      <p>
                        {a.type.name} with {nameOr(a.provider, 'Provider')} at {a.facility?.name ?? `facility ${UNAVAILABLE}`} <StatusBadge status={a.status} />
                      </p>
                      <Show when={a.status === 'CONFIRMED' || a.status === 'REQUESTED'}>
                        <div class="actions">
                          <button type="button" class="secondary" onClick={() => setMoving(moving() === a.id ? null : a.id)} aria-expanded={moving() === a.id}>
                            Reschedule
                          </button>
                          <CancelButton id={a.id} />
                        </div>
                        <Show when={moving() === a.id}>
                          <RescheduleForm appointment={a} today={place.today()} onDone={() => setMoving(null)} />
                        </Show>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={past.items().length}>
              <h2>Past appointments</h2>
              <ul class="cards" aria-label="Past appointments">
                <For each={past.items().slice(0, PAST_SHOWN)}>
                  {(a) => (
                    <li class="card" classList={{ cancelled: a.status === 'CANCELLED' }}>
                      <h3>
                        {formatDate(a.localDate)} · {formatZonedTime(a.startsAt, a.facility?.timezone)}
                      </h3>
                      <p>
                        {a.type.name} with {nameOr(a.provider, 'Provider')} <StatusBadge status={a.status} />
                      </p>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Loaded>
      <Show when={place.facility()}>
        <details class="card">
          <summary>No time that suits you? Join the waitlist</summary>
          <JoinWaitlistForm facilityId={place.facility()!.id} today={place.today()} staff={false} />
        </details>
      </Show>
    </section>
  );
}
