import { createMutation, createQuery } from '@urql/solid';
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import { formatDate, formatZonedTime } from '../../lib/format.ts';
import { graphql, readFragment } from '../../lib/graphql.ts';
import { actionKeys } from '../../lib/idempotency.ts';
import { nameOr } from '../../lib/unavailable.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { APPOINTMENT_FIELDS, type AppointmentInfo } from '../appointments/fields.ts';
import type { FacilityInfo } from '../facilities.ts';
import { FirstAvailable } from './FirstAvailable.tsx';
import { lastBookableDay } from './horizon.ts';
import { BOOKING_CHOICES, type SlotInfo } from './queries.ts';
import { SlotPicker, type SlotSearch } from './SlotPicker.tsx';

export const BOOK = graphql(
  `
  mutation BookAppointment($input: BookAppointmentInput!, $idempotencyKey: String) {
    bookAppointment(input: $input, idempotencyKey: $idempotencyKey) { ...AppointmentFields }
  }
`,
  [APPOINTMENT_FIELDS],
);

/**
 * Find a free time by type, specialty, provider, day or first available, and book it. Staff pass the
 * patient; a patient books for themselves (the API takes them from the token). A slot someone else
 * took meanwhile gives the friendly SLOT_TAKEN message and fresh times.
 */
export function BookingForm(props: {
  facility: FacilityInfo;
  today: string;
  patientId?: string | null;
  staff: boolean;
  onBooked?: (a: AppointmentInfo) => void;
}) {
  const [choices] = createQuery({ query: BOOKING_CHOICES });
  const [typeId, setTypeId] = createSignal('');
  const [specialty, setSpecialty] = createSignal('');
  const [providerId, setProviderId] = createSignal('');
  const [day, setDay] = createSignal(props.today);
  const [slot, setSlot] = createSignal<SlotInfo | null>(null);
  const [reason, setReason] = createSignal('');
  const [showFirst, setShowFirst] = createSignal(false);
  const [refresh, setRefresh] = createSignal(0);
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const [booked, setBooked] = createSignal<AppointmentInfo | null>(null);
  const [state, book] = createMutation(BOOK);
  const bookings = actionKeys();

  const types = createMemo(() => (choices.data?.appointmentTypes ?? []).filter((t) => props.staff || t.bookingPolicy !== 'STAFF_ONLY'));
  const offering = createMemo(() => {
    const type = types().find((t) => t.id === typeId());
    return (choices.data?.providers ?? []).filter(
      (p) => p.facilities.some((f) => f.id === props.facility.id) && (!type || type.providers.some((o) => o.id === p.id)),
    );
  });
  const specialties = createMemo(() => [...new Set(offering().map((p) => p.specialty))].sort());
  const providers = createMemo(() => offering().filter((p) => !specialty() || p.specialty === specialty()));
  createEffect(() => {
    if (!typeId() && types()[0]) setTypeId(types()[0]!.id);
  });
  createEffect(on([typeId, specialty, providerId, day], () => setSlot(null), { defer: true }));

  const search = (): SlotSearch => ({
    typeId: typeId(),
    facilityId: props.facility.id,
    from: dayProblem() ? props.today : day(),
    ...(providerId() ? { providerIds: [providerId()] } : {}),
    ...(specialty() ? { specialty: specialty() } : {}),
  });

  const lastDay = () => lastBookableDay(props.today);
  /** A day typed past the picker's bounds: said next to Day, and no times are looked up for it. */
  const dayProblem = () =>
    day() < props.today
      ? `Choose today (${formatDate(props.today)}) or a later day.`
      : day() > lastDay()
        ? `The clinic books up to ${formatDate(lastDay())}. Choose that day or an earlier one.`
        : null;

  const chooseSpecialty = (value: string) => {
    setSpecialty(value);
    setProviderId('');
  };

  const chooseFirst = (s: SlotInfo) => {
    setShowFirst(false);
    setDay(s.localDate);
    queueMicrotask(() => setSlot(s));
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBooked(null);
    const chosen = slot();
    if (props.staff && !props.patientId) return setInvalid('Choose the patient first.');
    if (dayProblem()) return setInvalid('Please correct the day marked above.');
    if (!chosen) return setInvalid('Choose a time.');
    setInvalid(null);
    const input = {
      ...(props.staff ? { patientId: props.patientId } : {}),
      providerId: chosen.provider.id,
      facilityId: props.facility.id,
      typeId: typeId(),
      startsAt: chosen.startsAt,
      ...(reason().trim() ? { reason: reason().trim() } : {}),
    };
    const result = await book({ input, idempotencyKey: bookings.keyFor(input) });
    if (result.data) {
      bookings.succeeded();
      const appointment = readFragment(APPOINTMENT_FIELDS, result.data.bookAppointment);
      setBooked(appointment);
      setSlot(null);
      setReason('');
      props.onBooked?.(appointment);
    } else if (describeError(result.error)?.code === 'SLOT_TAKEN') setSlot(null);
    setRefresh((n) => n + 1);
  };

  return (
    <form onSubmit={submit} aria-label="Book an appointment" class="booking" novalidate>
      <div class="row">
        <Field label="Appointment type">
          {(c) => (
            <select {...c} value={typeId()} onChange={(e) => setTypeId(e.currentTarget.value)}>
              <For each={types()}>{(t) => <option value={t.id} selected={t.id === typeId()}>{`${t.name} (${t.durationMinutes} min)`}</option>}</For>
            </select>
          )}
        </Field>
        <Field label="Specialty">
          {(c) => (
            <select {...c} value={specialty()} onChange={(e) => chooseSpecialty(e.currentTarget.value)}>
              <option value="">Any specialty</option>
              <For each={specialties()}>
                {(s) => (
                  <option value={s} selected={s === specialty()}>
                    {s}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <Field label="Provider">
          {(c) => (
            <select {...c} value={providerId()} onChange={(e) => setProviderId(e.currentTarget.value)}>
              <option value="">Any provider</option>
              <For each={providers()}>
                {(p) => (
                  <option value={p.id} selected={p.id === providerId()}>
                    {p.displayName}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <Field label="Day" error={dayProblem()}>
          {(c) => (
            <input {...c} type="date" min={props.today} max={lastDay()} value={day()} onInput={(e) => e.currentTarget.value && setDay(e.currentTarget.value)} />
          )}
        </Field>
      </div>
      <button type="button" class="secondary" onClick={() => setShowFirst((v) => !v)} aria-expanded={showFirst()}>
        First available
      </button>
      <Show when={showFirst() && typeId()}>
        <FirstAvailable search={search()} onSelect={chooseFirst} />
      </Show>
      <Show when={typeId() && !dayProblem()}>
        <SlotPicker search={search()} selected={slot()} onSelect={setSlot} refresh={refresh()} />
      </Show>
      <Field label="Reason for the visit (optional)">
        {(c) => <textarea {...c} rows="2" value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <Show when={slot()}>
        {(s) => (
          <p class="summary">
            {formatDate(s().localDate)} at {formatZonedTime(s().startsAt, s().facility.timezone)} with {s().provider.displayName}
          </p>
        )}
      </Show>
      <ErrorNotice error={invalid() ?? state.error} />
      <button type="submit" disabled={state.fetching}>
        {state.fetching ? 'Booking…' : 'Book'}
      </button>
      <Status when={booked()}>
        Booked: {booked() && formatDate(booked()!.localDate)} at {booked() && formatZonedTime(booked()!.startsAt, booked()!.facility?.timezone)} with{' '}
        {nameOr(booked()?.provider, 'Provider')}
        {booked()?.status === 'REQUESTED' ? ' — the clinic will confirm it.' : '.'}
      </Status>
    </form>
  );
}
