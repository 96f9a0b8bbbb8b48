import { createMutation, createQuery } from '@urql/solid';
import { createEffect, createSignal, For } from 'solid-js';
import { addDays } from '../../lib/format.ts';
import { collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { BOOKING_CHOICES } from '../booking/queries.ts';
import { useFacilityChoice } from '../facilities.ts';
import { dayEnd, dayStart, JOIN_WAITLIST } from './fields.ts';

/**
 * Joins the waitlist for a type (and optionally a provider) between two of the facility's local days
 * (from the start of the first to the end of the last, in the facility's zone). Staff pass the patient.
 */
export function JoinWaitlistForm(props: { facilityId: string; today: string; staff: boolean; patientId?: string | null }) {
  const [choices] = createQuery({ query: BOOKING_CHOICES });
  const place = useFacilityChoice();
  const timeZone = () => place.facilities().find((f) => f.id === props.facilityId)?.timezone;
  const [typeId, setTypeId] = createSignal('');
  const [providerId, setProviderId] = createSignal('');
  const [from, setFrom] = createSignal(props.today);
  const [to, setTo] = createSignal(addDays(props.today, 14));
  const [note, setNote] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, join] = createMutation(JOIN_WAITLIST);
  const [joined, setJoined] = createSignal(false);
  const types = () => (choices.data?.appointmentTypes ?? []).filter((t) => props.staff || t.bookingPolicy !== 'STAFF_ONLY');
  createEffect(() => {
    if (!typeId() && types()[0]) setTypeId(types()[0]!.id);
  });

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setJoined(false);
    const found = collect({
      patient: props.staff && !props.patientId ? 'Choose the patient first.' : null,
      to: to() < from() ? 'The last day must not be before the first.' : null,
    });
    setErrors(found);
    const zone = timeZone();
    if (Object.keys(found).length || !zone) return;
    const result = await join({
      input: {
        ...(props.staff ? { patientId: props.patientId } : {}),
        facilityId: props.facilityId,
        typeId: typeId(),
        ...(providerId() ? { providerId: providerId() } : {}),
        earliest: dayStart(from(), zone),
        latest: dayEnd(to(), zone),
        ...(note().trim() ? { note: note().trim() } : {}),
      },
    });
    setJoined(!!result.data);
  };

  return (
    <form onSubmit={submit} aria-label="Join the waitlist" novalidate class="card">
      <h2>Join the waitlist</h2>
      <div class="row">
        <Field label="Appointment type">
          {(c) => (
            <select {...c} value={typeId()} onChange={(e) => setTypeId(e.currentTarget.value)}>
              <For each={types()}>
                {(t) => (
                  <option value={t.id} selected={t.id === typeId()}>
                    {t.name}
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
              <For
                each={(choices.data?.providers ?? []).filter((p) =>
                  types()
                    .find((t) => t.id === typeId())
                    ?.providers.some((o) => o.id === p.id),
                )}
              >
                {(p) => (
                  <option value={p.id} selected={p.id === providerId()}>
                    {p.displayName}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <Field label="From">{(c) => <input {...c} type="date" min={props.today} value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />}</Field>
        <Field label="To" error={errors().to}>
          {(c) => <input {...c} type="date" min={from()} value={to()} onInput={(e) => setTo(e.currentTarget.value)} />}
        </Field>
      </div>
      <Field label="Note (optional)">{(c) => <input {...c} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />}</Field>
      <ErrorNotice error={errors().patient ?? state.error} />
      <button type="submit" disabled={state.fetching || !timeZone()}>
        Join waitlist
      </button>
      <Status when={joined()}>On the waitlist. A freed time will be offered here first.</Status>
    </form>
  );
}
