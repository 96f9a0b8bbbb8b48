import { createMutation } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { formatDate, formatZonedTime } from '../../lib/format.ts';
import { readFragment } from '../../lib/graphql.ts';
import { UNAVAILABLE } from '../../lib/unavailable.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import type { SlotInfo } from '../booking/queries.ts';
import { SlotPicker } from '../booking/SlotPicker.tsx';
import { APPOINTMENT_FIELDS, type AppointmentInfo } from './fields.ts';
import { RESCHEDULE } from './mutations.ts';

/** Moves an appointment to another free time; the old time is freed only once the new one is held. */
export function RescheduleForm(props: { appointment: AppointmentInfo; today: string; onDone?: (a: AppointmentInfo) => void }) {
  const [day, setDay] = createSignal([props.appointment.localDate, props.today].sort()[1]!);
  const [slot, setSlot] = createSignal<SlotInfo | null>(null);
  const [refresh, setRefresh] = createSignal(0);
  const [missing, setMissing] = createSignal(false);
  const [state, reschedule] = createMutation(RESCHEDULE);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const chosen = slot();
    setMissing(!chosen);
    if (!chosen) return;
    const result = await reschedule({ id: props.appointment.id, startsAt: chosen.startsAt, providerId: chosen.provider.id });
    setSlot(null);
    setRefresh((n) => n + 1);
    if (result.data) props.onDone?.(readFragment(APPOINTMENT_FIELDS, result.data.rescheduleAppointment));
  };
  return (
    <form onSubmit={submit} aria-label="Reschedule" class="card" novalidate>
      <h2>Move to another time</h2>
      <Field label="Day">
        {(c) => <input {...c} type="date" min={props.today} value={day()} onInput={(e) => e.currentTarget.value && setDay(e.currentTarget.value)} />}
      </Field>
      <Show
        when={props.appointment.facility && props.appointment.provider ? { facility: props.appointment.facility, provider: props.appointment.provider } : null}
        fallback={<p class="muted">Free times are {UNAVAILABLE} while the provider's details cannot be read; try again shortly.</p>}
      >
        {(at) => (
          <SlotPicker
            search={{ typeId: props.appointment.type.id, facilityId: at().facility.id, providerIds: [at().provider.id], from: day() }}
            selected={slot()}
            onSelect={setSlot}
            refresh={refresh()}
          />
        )}
      </Show>
      <ErrorNotice error={missing() ? 'Choose a new time.' : state.error} />
      <button type="submit" disabled={state.fetching}>
        Move appointment
      </button>
      <Show when={state.data && readFragment(APPOINTMENT_FIELDS, state.data.rescheduleAppointment)}>
        {(a) => (
          <Status when={true}>
            Moved to {formatDate(a().localDate)} at {formatZonedTime(a().startsAt, a().facility?.timezone)}.
          </Status>
        )}
      </Show>
    </form>
  );
}
