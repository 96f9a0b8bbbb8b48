import { useSearchParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { createMemo, For, Show } from 'solid-js';
import type { AppointmentInfo } from '../../features/appointments/fields.ts';
import { LatestChange } from '../../features/appointments/LatestChange.tsx';
import { createLiveDay } from '../../features/appointments/live.ts';
import { StaffActions } from '../../features/appointments/StaffActions.tsx';
import { StatusBadge } from '../../features/appointments/StatusBadge.tsx';
import { Utilisation } from '../../features/appointments/Utilisation.tsx';
import { BOOKING_CHOICES } from '../../features/booking/queries.ts';
import { DayControls } from '../../features/DayControls.tsx';
import { FacilitySelect } from '../../features/FacilitySelect.tsx';
import { useFacilityChoice } from '../../features/facilities.ts';
import { formatTime } from '../../lib/format.ts';
import { nameOr } from '../../lib/unavailable.ts';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ZoneNote } from '../../ui/ZoneNote.tsx';

/** Reception's live day board: every provider's appointments at a facility for one day. */
export function DayBoard() {
  const place = useFacilityChoice();
  const [params, setParams] = useSearchParams<{ day?: string; provider?: string }>();
  const day = () => params.day ?? place.today();
  const [choices] = createQuery({ query: BOOKING_CHOICES });
  const providers = createMemo(() =>
    (choices.data?.providers ?? []).filter((p) => p.facilities.some((f) => f.id === place.facility()?.id) && (!params.provider || p.id === params.provider)),
  );
  const board = createLiveDay(() => {
    const facility = place.facility();
    return facility ? { day: day(), facilityId: facility.id, providerId: params.provider || undefined } : null;
  });
  const ofProvider = (id: string) => board.items().filter((a) => a.provider?.id === id);

  return (
    <section class="page wide" aria-labelledby="board-title">
      <h1 id="board-title">Day board</h1>
      <div class="toolbar">
        <FacilitySelect facilities={place.facilities()} value={place.facility()?.id} onChange={place.choose} />
        <DayControls day={day()} today={place.today()} onChange={(d) => setParams({ day: d })} />
        <Field label="Provider">
          {(c) => (
            <select {...c} value={params.provider ?? ''} onChange={(e) => setParams({ provider: e.currentTarget.value || undefined })}>
              <option value="">All providers</option>
              <For each={(choices.data?.providers ?? []).filter((p) => p.facilities.some((f) => f.id === place.facility()?.id))}>
                {(p) => (
                  <option value={p.id} selected={p.id === params.provider}>
                    {p.displayName}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
      </div>
      <ZoneNote timeZone={place.facility()?.timezone} />
      <LatestChange event={board.latest()} />
      <Show when={place.facility()}>{(f) => <Utilisation facilityId={f().id} day={day()} providers={providers()} appointments={board.items()} />}</Show>
      <Loaded result={board.result}>
        {() => (
          <div class="board">
            <For each={providers()} fallback={<p class="empty">No providers work at this facility.</p>}>
              {(provider) => (
                <section class="board-column" aria-label={provider.displayName}>
                  <h2>{provider.displayName}</h2>
                  <p class="muted">{provider.specialty}</p>
                  <Show when={ofProvider(provider.id).length} fallback={<p class="empty">No appointments.</p>}>
                    <ol class="appointments">
                      <For each={ofProvider(provider.id)}>{(a) => <BoardRow appointment={a} />}</For>
                    </ol>
                  </Show>
                </section>
              )}
            </For>
          </div>
        )}
      </Loaded>
    </section>
  );
}

function BoardRow(props: { appointment: AppointmentInfo }) {
  const a = () => props.appointment;
  return (
    <li class="appointment" classList={{ cancelled: a().status === 'CANCELLED' }} data-appointment={a().id}>
      <span class="time">{formatTime(a().startsAt, a().facility?.timezone)}</span>
      <span class="patient">
        <strong>{nameOr(a().patient, 'Patient')}</strong>
        <small>
          {a().type.name}
          {a().reason ? ` · ${a().reason}` : ''}
        </small>
      </span>
      <StatusBadge status={a().status} />
      <Show when={a().queueToken}>{(token) => <span class="badge token">#{token()}</span>}</Show>
      <StaffActions appointment={a()} />
    </li>
  );
}
