import { createMutation, createQuery } from '@urql/solid';
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import { APPOINTMENT_FIELDS, type AppointmentInfo } from '../../features/appointments/fields.ts';
import { BOOKING_CHOICES, type SlotInfo } from '../../features/booking/queries.ts';
import { SlotPicker } from '../../features/booking/SlotPicker.tsx';
import type { FacilityInfo } from '../../features/facilities.ts';
import { describeError } from '../../lib/errors.ts';
import { formatDate, formatZonedTime } from '../../lib/format.ts';
import { readFragment } from '../../lib/graphql.ts';
import { collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { BOOK_SERIES, CONFLICT_WORDS, MAX_OCCURRENCES, type SeriesConflict, weeklyRule } from './series-queries.ts';

/**
 * A recurring booking: the first time from the slot picker, then every week or fortnight for a number
 * of occurrences. The API books all or nothing; the dates it could not book are listed with why.
 */
export function SeriesForm(props: { facility: FacilityInfo; today: string; patientId: string | null; onBooked?: (a: readonly AppointmentInfo[]) => void }) {
  const [choices] = createQuery({ query: BOOKING_CHOICES });
  const [typeId, setTypeId] = createSignal('');
  const [providerId, setProviderId] = createSignal('');
  const [day, setDay] = createSignal(props.today);
  const [slot, setSlot] = createSignal<SlotInfo | null>(null);
  const [weeks, setWeeks] = createSignal(1);
  const [count, setCount] = createSignal('6');
  const [reason, setReason] = createSignal('');
  const [refresh, setRefresh] = createSignal(0);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [booked, setBooked] = createSignal<readonly AppointmentInfo[]>([]);
  const [state, book] = createMutation(BOOK_SERIES);
  const types = () => choices.data?.appointmentTypes ?? [];
  const providers = createMemo(() => {
    const type = types().find((t) => t.id === typeId());
    return (choices.data?.providers ?? []).filter(
      (p) => p.facilities.some((f) => f.id === props.facility.id) && (!type || type.providers.some((o) => o.id === p.id)),
    );
  });
  createEffect(() => {
    if (!typeId() && types()[0]) setTypeId(types()[0]!.id);
  });
  createEffect(on([typeId, providerId, day], () => setSlot(null), { defer: true }));
  const conflicts = () =>
    describeError(state.error)?.code === 'SLOT_TAKEN' ? ((state.error?.graphQLErrors[0]?.extensions?.conflicts as SeriesConflict[] | undefined) ?? []) : [];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBooked([]);
    const n = /^\d+$/.test(count().trim()) ? Number(count()) : 0;
    const found = collect({
      patient: props.patientId ? null : 'Choose the patient first.',
      slot: slot() ? null : 'Choose the first time.',
      count: n >= 2 && n <= MAX_OCCURRENCES ? null : `Enter 2 to ${MAX_OCCURRENCES} appointments.`,
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const first = slot()!;
    const result = await book({
      input: {
        patientId: props.patientId,
        providerId: first.provider.id,
        facilityId: props.facility.id,
        typeId: typeId(),
        startsAt: first.startsAt,
        rrule: weeklyRule(weeks(), n),
        ...(reason().trim() ? { reason: reason().trim() } : {}),
      },
    });
    setRefresh((r) => r + 1);
    if (!result.data) return;
    const appointments = readFragment(APPOINTMENT_FIELDS, result.data.bookSeries.appointments);
    setBooked(appointments);
    setSlot(null);
    props.onBooked?.(appointments);
  };
  return (
    <form onSubmit={submit} aria-label="Book a recurring series" class="booking" novalidate>
      <div class="row">
        <Field label="Appointment type">
          {(c) => (
            <select {...c} value={typeId()} onChange={(e) => setTypeId(e.currentTarget.value)}>
              <For each={types()}>{(t) => <option value={t.id} selected={t.id === typeId()}>{`${t.name} (${t.durationMinutes} min)`}</option>}</For>
            </select>
          )}
        </Field>
        <Field label="Provider">
          {(c) => (
            <select {...c} value={providerId()} onChange={(e) => setProviderId(e.currentTarget.value)}>
              <option value="">Any provider</option>
              <For each={providers()}>{(p) => <option value={p.id}>{p.displayName}</option>}</For>
            </select>
          )}
        </Field>
        <Field label="First day">
          {(c) => <input {...c} type="date" min={props.today} value={day()} onInput={(e) => e.currentTarget.value && setDay(e.currentTarget.value)} />}
        </Field>
      </div>
      <Show when={typeId()}>
        <SlotPicker
          search={{ typeId: typeId(), facilityId: props.facility.id, from: day(), ...(providerId() ? { providerIds: [providerId()] } : {}) }}
          selected={slot()}
          onSelect={setSlot}
          refresh={refresh()}
        />
      </Show>
      <Show when={errors().slot}>
        <p class="field-error">{errors().slot}</p>
      </Show>
      <div class="row">
        <Field label="Repeat">
          {(c) => (
            <select {...c} value={weeks()} onChange={(e) => setWeeks(Number(e.currentTarget.value))}>
              <option value="1">Every week</option>
              <option value="2">Every two weeks</option>
            </select>
          )}
        </Field>
        <Field label="Number of appointments" error={errors().count ?? describeError(state.error)?.fields.rrule}>
          {(c) => <input {...c} type="number" min="2" max={MAX_OCCURRENCES} step="1" value={count()} onInput={(e) => setCount(e.currentTarget.value)} />}
        </Field>
      </div>
      <Field label="Reason for the visits (optional)" error={describeError(state.error)?.fields.reason}>
        {(c) => <input {...c} maxLength={500} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <Show when={slot()}>
        {(s) => (
          <p class="summary">
            From {formatDate(s().localDate)} at {formatZonedTime(s().startsAt, s().facility.timezone)} with {s().provider.displayName},{' '}
            {weeks() === 1 ? 'every week' : 'every two weeks'}, {count()} times
          </p>
        )}
      </Show>
      <ErrorNotice error={errors().patient ?? (conflicts().length ? null : state.error)} />
      <Show when={conflicts().length}>
        <div role="alert" class="notice error">
          <p>Nothing was booked. These dates are not free:</p>
          <ul aria-label="Dates that could not be booked">
            <For each={conflicts()}>
              {(c) => (
                <li>
                  {formatDate(c.date)} at {formatZonedTime(c.startsAt, props.facility.timezone)}: {CONFLICT_WORDS[c.reason]}
                </li>
              )}
            </For>
          </ul>
          <p>Pick another first time or fewer appointments.</p>
        </div>
      </Show>
      <button type="submit" disabled={state.fetching}>
        {state.fetching ? 'Booking…' : 'Book series'}
      </button>
      <Status when={booked().length}>
        Booked {booked().length} appointments: <For each={booked()}>{(a, i) => `${i() ? ', ' : ''}${formatDate(a.localDate)}`}</For>.
      </Status>
    </form>
  );
}
