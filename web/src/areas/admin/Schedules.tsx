import { createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { FacilitySelect } from '../../features/FacilitySelect.tsx';
import { useFacilityChoice } from '../../features/facilities.ts';
import { formatDate } from '../../lib/format.ts';
import { listsOf } from '../../lib/lists.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { AppointmentTypes } from './AppointmentTypes.tsx';
import { ScheduleEditForm } from './ScheduleEditForm.tsx';
import { ScheduleExceptions } from './ScheduleExceptions.tsx';
import { ScheduleForm } from './ScheduleForm.tsx';
import { SCHEDULES, WEEKDAYS } from './schedule-queries.ts';

/** Providers' weekly schedules at a facility (edit one, add one), its exceptions, and the appointment types offered. */
export function Schedules() {
  const place = useFacilityChoice();
  const [result, refetch] = createQuery({ query: SCHEDULES, context: listsOf('Schedule') });
  const [editing, setEditing] = createSignal<string | null>(null);
  const here = () => (result.data?.schedules ?? []).filter((s) => s.facility.id === place.facility()?.id);
  return (
    <section class="page wide" aria-labelledby="schedules-title">
      <h1 id="schedules-title">Schedules and appointment types</h1>
      <FacilitySelect facilities={place.facilities()} value={place.facility()?.id} onChange={place.choose} />
      <Loaded result={result} isEmpty={() => !here().length} empty="No schedules at this facility.">
        {() => (
          <div class="grid">
            <For each={here()}>
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
                          {WEEKDAYS[r.weekday - 1]} {r.startTime}–{r.endTime}, {r.slotMinutes}-minute slots
                          {r.breaks.length ? `, break ${r.breaks.map((b) => `${b.start}–${b.end}`).join(', ')}` : ''}
                          {r.effectiveFrom ? `, from ${formatDate(r.effectiveFrom)}` : ''}
                          {r.effectiveTo ? `, until ${formatDate(r.effectiveTo)}` : ''}
                        </li>
                      )}
                    </For>
                  </ul>
                  <button type="button" class="secondary" aria-label={`Edit the schedule of ${s.provider.displayName}`} onClick={() => setEditing(s.id)}>
                    Edit
                  </button>
                </section>
              )}
            </For>
          </div>
        )}
      </Loaded>
      <Show when={here().find((s) => s.id === editing())} keyed>
        {(s) => <ScheduleEditForm schedule={s} onDone={() => setEditing(null)} />}
      </Show>
      <Show when={place.facility()}>
        {(f) => (
          <>
            <ScheduleForm facility={f()} today={place.today()} onCreated={() => refetch({ requestPolicy: 'network-only' })} />
            <ScheduleExceptions facility={f()} today={place.today()} schedules={result.data?.schedules ?? []} />
          </>
        )}
      </Show>
      <AppointmentTypes />
    </section>
  );
}
