import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { LatestChange } from '../../features/appointments/LatestChange.tsx';
import { createLiveDay } from '../../features/appointments/live.ts';
import { StatusBadge } from '../../features/appointments/StatusBadge.tsx';
import { VisitActions } from '../../features/appointments/VisitActions.tsx';
import { useFacilityChoice } from '../../features/facilities.ts';
import { useApp } from '../../lib/app-context.ts';
import { formatDate, formatTime } from '../../lib/format.ts';
import { nameOr } from '../../lib/unavailable.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { ZoneNote } from '../../ui/ZoneNote.tsx';
import { RenewalRequests } from './RenewalRequests.tsx';
import { WaitingForYou } from './WaitingForYou.tsx';

/** A clinician's own appointments today (live, with start visit / complete / no-show) and the patients checked in and waiting for them (live). */
export function MyDay() {
  const { session } = useApp();
  const place = useFacilityChoice();
  const providerId = () => session.account()?.providerId ?? null;
  const day = createLiveDay(() => (providerId() ? { day: place.today(), providerId: providerId()!, mine: true } : null));
  return (
    <section class="page" aria-labelledby="my-day-title">
      <h1 id="my-day-title">My day · {formatDate(place.today())}</h1>
      <Show when={providerId()} fallback={<p>My day lists a clinician’s own appointments. Use “Find a patient” to open a chart.</p>}>
        <WaitingForYou providerId={providerId()!} />
        <h2>Refill and renewal requests</h2>
        <RenewalRequests />
        <h2>Appointments</h2>
        <ZoneNote timeZone={place.facility()?.timezone} />
        <LatestChange event={day.latest()} />
        <Loaded result={day.result} isEmpty={() => !day.items().length} empty="No appointments today.">
          {() => (
            <ol class="appointments">
              <For each={day.items()}>
                {(a) => (
                  <li class="appointment">
                    <span class="time">{formatTime(a.startsAt, a.facility?.timezone)}</span>
                    <span class="patient">
                      <Show when={a.patient} fallback={nameOr(null, 'Patient')}>
                        {(patient) => <A href={`/doctor/patients/${patient().id}`}>{patient().displayName}</A>}
                      </Show>
                      <small>
                        {a.type.name}
                        {a.reason ? ` · ${a.reason}` : ''}
                      </small>
                    </span>
                    <StatusBadge status={a.status} />
                    <VisitActions appointment={a} />
                  </li>
                )}
              </For>
            </ol>
          )}
        </Loaded>
      </Show>
    </section>
  );
}
