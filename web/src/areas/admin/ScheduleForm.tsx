import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { createStore } from 'solid-js/store';
import { BOOKING_CHOICES } from '../../features/booking/queries.ts';
import type { FacilityInfo } from '../../features/facilities.ts';
import { graphql } from '../../lib/graphql.ts';
import { collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { fieldErrors } from './field-errors.ts';

export const CREATE_SCHEDULE = graphql(`
  mutation CreateSchedule($input: CreateScheduleInput!) {
    createSchedule(input: $input) { id }
  }
`);

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A provider's weekly sessions at a facility, in the facility's time zone. */
export function ScheduleForm(props: { facility: FacilityInfo; today: string; onCreated: () => void }) {
  const [choices] = createQuery({ query: BOOKING_CHOICES });
  const [form, setForm] = createStore({
    providerId: '',
    specialty: '',
    label: '',
    effectiveFrom: props.today,
    start: '09:00',
    end: '17:00',
    slot: '20',
    breakStart: '',
    breakEnd: '',
  });
  const [days, setDays] = createSignal<number[]>([1, 2, 3, 4, 5]);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, create] = createMutation(CREATE_SCHEDULE);
  const fieldError = fieldErrors(errors, state);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const hasBreak = !!(form.breakStart || form.breakEnd);
    const found = collect({
      providerId: form.providerId ? null : 'Choose the provider.',
      days: days().length ? null : 'Choose at least one weekday.',
      start: TIME.test(form.start) && TIME.test(form.end) && form.start < form.end ? null : 'Use HH:MM, the start before the end.',
      slot: /^\d+$/.test(form.slot) && Number(form.slot) >= 5 ? null : 'Slots of at least 5 minutes.',
      breakStart:
        !hasBreak ||
        (TIME.test(form.breakStart) &&
          TIME.test(form.breakEnd) &&
          form.start <= form.breakStart &&
          form.breakStart < form.breakEnd &&
          form.breakEnd <= form.end)
          ? null
          : 'A break must sit inside the session.',
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const breaks = hasBreak ? [{ start: form.breakStart, end: form.breakEnd }] : [];
    const result = await create({
      input: {
        providerId: form.providerId,
        facilityId: props.facility.id,
        timezone: props.facility.timezone,
        ...(form.specialty.trim() ? { specialty: form.specialty.trim() } : {}),
        ...(form.label.trim() ? { label: form.label.trim() } : {}),
        effectiveFrom: form.effectiveFrom,
        rules: days().map((weekday) => ({ weekday, startTime: form.start, endTime: form.end, slotMinutes: Number(form.slot), breaks })),
      },
    });
    if (result.data) props.onCreated();
  };
  const text = (key: 'specialty' | 'label' | 'start' | 'end' | 'slot' | 'breakStart' | 'breakEnd', label: string, error?: string) => (
    <Field label={label} error={error}>
      {(c) => <input {...c} value={form[key]} onInput={(e) => setForm(key, e.currentTarget.value)} />}
    </Field>
  );
  return (
    <form onSubmit={submit} aria-label="New schedule" class="card" novalidate>
      <h2>New schedule at {props.facility.name}</h2>
      <div class="row">
        <Field label="Provider" error={fieldError('providerId')}>
          {(c) => (
            <select {...c} value={form.providerId} onChange={(e) => setForm('providerId', e.currentTarget.value)}>
              <option value="">Choose…</option>
              <For each={choices.data?.providers ?? []}>
                {(p) => (
                  <option value={p.id} selected={p.id === form.providerId}>
                    {p.displayName}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        {text('specialty', 'Specialty (for slot search)', fieldError('specialty'))}
        {text('label', 'Label', fieldError('label'))}
        <Field label="From" error={fieldError('effectiveFrom')}>
          {(c) => <input {...c} type="date" value={form.effectiveFrom} onInput={(e) => setForm('effectiveFrom', e.currentTarget.value)} />}
        </Field>
      </div>
      <fieldset class="checks">
        <legend>Weekdays</legend>
        <For each={DAYS}>
          {(day, i) => (
            <label>
              <input
                type="checkbox"
                checked={days().includes(i() + 1)}
                onChange={(e) => setDays((d) => (e.currentTarget.checked ? [...d, i() + 1].sort() : d.filter((x) => x !== i() + 1)))}
              />{' '}
              {day}
            </label>
          )}
        </For>
      </fieldset>
      <div class="row">
        {text('start', 'Start (HH:MM)', fieldError('start') ?? fieldError('startTime'))}
        {text('end', 'End (HH:MM)', fieldError('endTime'))}
        {text('slot', 'Slot minutes', fieldError('slot') ?? fieldError('slotMinutes'))}
        {text('breakStart', 'Break from (optional)', fieldError('breakStart') ?? fieldError('breaks'))}
        {text('breakEnd', 'Break until')}
      </div>
      <ErrorNotice error={errors().days ?? state.error} />
      <button type="submit" disabled={state.fetching}>
        Create schedule
      </button>
      <Status when={state.data}>Schedule created.</Status>
    </form>
  );
}
