import { createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { useFacilityChoice } from '../../features/facilities.ts';
import { formatDate } from '../../lib/format.ts';
import { graphql } from '../../lib/graphql.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { AppointmentTypes } from './AppointmentTypes.tsx';
import { ScheduleForm } from './ScheduleForm.tsx';

export const SCHEDULES = graphql(`
  query Schedules {
    schedules(includeInactive: true) {
      id label specialty timezone effectiveFrom effectiveTo active
      provider { displayName }
      facility { id }
      rules { weekday startTime endTime slotMinutes breaks { start end } }
    }
  }
`);

const DAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Providers' weekly schedules, and the appointment types they offer. */
export function Schedules() {
  const place = useFacilityChoice();
  const [result, refetch] = createQuery({ query: SCHEDULES });
  return (
    <section class="page wide" aria-labelledby="schedules-title">
      <h1 id="schedules-title">Schedules and appointment types</h1>
      <Loaded result={result} isEmpty={(d) => !d.schedules.length} empty="No schedules.">
        {(data) => (
          <div class="grid">
            <For each={data().schedules}>
              {(s) => (
                <section class="card" aria-label={`${s.provider.displayName} schedule`}>
                  <h2>
                    {s.provider.displayName} · {s.label ?? s.specialty ?? 'Schedule'}
                    {s.active ? '' : ' (inactive)'}
                  </h2>
                  <p class="muted">
                    From {formatDate(s.effectiveFrom)}
                    {s.effectiveTo ? ` to ${formatDate(s.effectiveTo)}` : ''} · {s.timezone}
                  </p>
                  <ul>
                    <For each={s.rules}>
                      {(r) => (
                        <li>
                          {DAYS[r.weekday]} {r.startTime}–{r.endTime}, {r.slotMinutes}-minute slots
                          {r.breaks.length ? `, break ${r.breaks.map((b) => `${b.start}–${b.end}`).join(', ')}` : ''}
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              )}
            </For>
          </div>
        )}
      </Loaded>
      <Show when={place.facility()}>
        {(f) => <ScheduleForm facility={f()} today={place.today()} onCreated={() => refetch({ requestPolicy: 'network-only' })} />}
      </Show>
      <AppointmentTypes />
    </section>
  );
}
