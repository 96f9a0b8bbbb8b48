import { createMutation } from '@urql/solid';
import { createSignal, For, Match, Switch } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { FacilityInfo } from '../../features/facilities.ts';
import type { VariablesOf } from '../../lib/graphql.ts';
import { SCHEDULE_EXCEPTION_KIND } from '../../lib/labels/people.ts';
import { listsOf } from '../../lib/lists.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { fieldErrors, orNull } from './field-errors.ts';
import { ADD_EXCEPTION, type ScheduleInfo, WALL_TIME } from './schedule-queries.ts';
import { TextInput } from './TextInput.tsx';

type Kind = VariablesOf<typeof ADD_EXCEPTION>['input']['kind'];
const KINDS: readonly Kind[] = ['TIME_OFF', 'HOLIDAY', 'EXTRA_SESSION'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Records time off (a provider), a holiday (the whole facility) or an extra session (on a schedule), in
 * the facility's local dates and times; whole days when no times are given.
 */
export function ExceptionForm(props: { facility: FacilityInfo; today: string; schedules: ScheduleInfo[] }) {
  const blank = { providerId: '', scheduleId: '', date: props.today, endDate: '', startTime: '', endTime: '', slotMinutes: '20', reason: '' };
  const [form, setForm] = createStore({ kind: 'TIME_OFF' as Kind, ...blank });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, add] = createMutation(ADD_EXCEPTION);
  const fieldError = fieldErrors(errors, state);
  const providers = () => [...new Map(props.schedules.map((s) => [s.provider.id, s.provider])).values()];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const extra = form.kind === 'EXTRA_SESSION';
    const timed = !!(form.startTime || form.endTime) || extra;
    const found: Record<string, string> = {};
    if (form.kind === 'TIME_OFF' && !form.providerId) found.providerId = 'Choose who is away.';
    if (extra && !form.scheduleId) found.scheduleId = 'Choose the schedule the session belongs to.';
    if (!DATE.test(form.date)) found.date = 'Choose the day.';
    if (!extra && form.endDate && form.endDate < form.date) found.endDate = 'The last day cannot be before the first.';
    if (timed && !(WALL_TIME.test(form.startTime) && WALL_TIME.test(form.endTime))) found.startTime = 'Use HH:MM for both times.';
    else if (timed && !form.endDate && form.startTime >= form.endTime) found.startTime = 'The start must come before the end.';
    if (extra && !(/^\d+$/.test(form.slotMinutes) && Number(form.slotMinutes) >= 5 && Number(form.slotMinutes) <= 480))
      found.slotMinutes = 'Slots of 5 to 480 minutes.';
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await add(
      {
        input: {
          kind: form.kind,
          facilityId: props.facility.id,
          providerId: form.kind === 'TIME_OFF' ? form.providerId : null,
          scheduleId: extra ? form.scheduleId : null,
          date: form.date,
          endDate: extra ? null : form.endDate || null,
          startTime: timed ? form.startTime : null,
          endTime: timed ? form.endTime : null,
          slotMinutes: extra ? Number(form.slotMinutes) : null,
          reason: orNull(form.reason),
        },
      },
      listsOf('ScheduleException'),
    );
    if (result.data) setForm({ ...blank });
  };
  const select = (key: 'providerId' | 'scheduleId', label: string, options: { id: string; name: string }[]) => (
    <Field label={label} error={fieldError(key)}>
      {(c) => (
        <select {...c} value={form[key]} onChange={(e) => setForm(key, e.currentTarget.value)}>
          <option value="">Choose…</option>
          <For each={options}>
            {(o) => (
              <option value={o.id} selected={o.id === form[key]}>
                {o.name}
              </option>
            )}
          </For>
        </select>
      )}
    </Field>
  );
  return (
    <form onSubmit={submit} aria-label="New schedule exception" class="card" novalidate>
      <h2>Time off, holiday or extra session at {props.facility.name}</h2>
      <p class="muted">Dates and times are local to the facility ({props.facility.timezone}). Without times, whole days.</p>
      <div class="row">
        <Field label="Kind">
          {(c) => (
            <select {...c} value={form.kind} onChange={(e) => setForm('kind', e.currentTarget.value as Kind)}>
              <For each={KINDS}>
                {(k) => (
                  <option value={k} selected={k === form.kind}>
                    {SCHEDULE_EXCEPTION_KIND[k]}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <Switch>
          <Match when={form.kind === 'TIME_OFF'}>
            {select(
              'providerId',
              'Provider',
              providers().map((p) => ({ id: p.id, name: p.displayName })),
            )}
          </Match>
          <Match when={form.kind === 'EXTRA_SESSION'}>
            {select(
              'scheduleId',
              'Schedule',
              props.schedules.map((s) => ({ id: s.id, name: `${s.provider.displayName} · ${s.label ?? s.specialty ?? 'Schedule'}` })),
            )}
          </Match>
        </Switch>
        <TextInput
          label={form.kind === 'EXTRA_SESSION' ? 'Date' : 'First day'}
          type="date"
          value={form.date}
          onInput={(v) => setForm('date', v)}
          error={fieldError('date')}
        />
        <Switch>
          <Match when={form.kind !== 'EXTRA_SESSION'}>
            <TextInput label="Last day (optional)" type="date" value={form.endDate} onInput={(v) => setForm('endDate', v)} error={fieldError('endDate')} />
          </Match>
        </Switch>
        <TextInput
          label={form.kind === 'EXTRA_SESSION' ? 'From (HH:MM)' : 'From (HH:MM, optional)'}
          value={form.startTime}
          onInput={(v) => setForm('startTime', v)}
          error={fieldError('startTime')}
        />
        <TextInput label="Until (HH:MM)" value={form.endTime} onInput={(v) => setForm('endTime', v)} error={fieldError('endTime')} />
        <Switch>
          <Match when={form.kind === 'EXTRA_SESSION'}>
            <TextInput
              label="Slot minutes"
              inputmode="numeric"
              value={form.slotMinutes}
              onInput={(v) => setForm('slotMinutes', v)}
              error={fieldError('slotMinutes')}
            />
          </Match>
        </Switch>
        <TextInput label="Reason" value={form.reason} onInput={(v) => setForm('reason', v)} error={fieldError('reason')} />
      </div>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Add
      </button>
      <Status when={state.data}>{state.data?.addScheduleException ? SCHEDULE_EXCEPTION_KIND[state.data.addScheduleException.kind] : ''} added.</Status>
    </form>
  );
}
