import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Status } from '../../ui/Status.tsx';
import { fieldErrors, orNull } from './field-errors.ts';
import { SessionRowsEditor } from './SessionRowsEditor.tsx';
import { type ScheduleInfo, UPDATE_SCHEDULE } from './schedule-queries.ts';
import { checkSessions, rowOf, ruleOf, type SessionRow } from './session-rows.ts';
import { TextInput } from './TextInput.tsx';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Edits a schedule: its label and specialty, the facility-local dates it runs between, whether it is in
 * use, and its weekly sessions (replaced as a whole). Bookings already made stay as they are.
 */
export function ScheduleEditForm(props: { schedule: ScheduleInfo; onDone: () => void }) {
  const s = props.schedule;
  const [form, setForm] = createStore({
    label: s.label ?? '',
    specialty: s.specialty ?? '',
    effectiveFrom: s.effectiveFrom,
    effectiveTo: s.effectiveTo ?? '',
    active: s.active,
  });
  const [rows, setRows] = createStore<SessionRow[]>(s.rules.map(rowOf));
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [problems, setProblems] = createSignal<Record<number, string>>({});
  const [state, update] = createMutation(UPDATE_SCHEDULE);
  const fieldError = fieldErrors(errors, state);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!DATE.test(form.effectiveFrom)) found.effectiveFrom = 'Choose the first day.';
    if (form.effectiveTo && !(DATE.test(form.effectiveTo) && form.effectiveTo >= form.effectiveFrom))
      found.effectiveTo = 'The last day cannot be before the first.';
    const sessions = checkSessions(rows);
    setErrors(found);
    setProblems(sessions);
    if (Object.keys(found).length || Object.keys(sessions).length) return;
    const result = await update({
      id: s.id,
      input: {
        label: orNull(form.label),
        specialty: orNull(form.specialty),
        effectiveFrom: form.effectiveFrom,
        effectiveTo: form.effectiveTo || null,
        active: form.active,
        rules: rows.map(ruleOf),
      },
    });
    if (result.data) props.onDone();
  };
  return (
    <form onSubmit={submit} aria-label={`Edit the schedule of ${s.provider.displayName}`} class="card" novalidate>
      <h2>Edit the schedule of {s.provider.displayName}</h2>
      <p class="muted">Dates and times are local to the facility ({s.timezone}).</p>
      <div class="row">
        <TextInput label="Label" value={form.label} onInput={(v) => setForm('label', v)} error={fieldError('label')} />
        <TextInput label="Specialty (for slot search)" value={form.specialty} onInput={(v) => setForm('specialty', v)} error={fieldError('specialty')} />
        <TextInput label="From" type="date" value={form.effectiveFrom} onInput={(v) => setForm('effectiveFrom', v)} error={fieldError('effectiveFrom')} />
        <TextInput label="Until (optional)" type="date" value={form.effectiveTo} onInput={(v) => setForm('effectiveTo', v)} error={fieldError('effectiveTo')} />
        <label>
          <input type="checkbox" checked={form.active} onChange={(e) => setForm('active', e.currentTarget.checked)} /> In use
        </label>
      </div>
      <SessionRowsEditor rows={rows} setRows={setRows} problems={problems()} />
      <ErrorNotice error={state.error} />
      <div class="actions">
        <button type="submit" disabled={state.fetching}>
          Save schedule
        </button>
        <button type="button" class="secondary" onClick={() => props.onDone()}>
          Cancel
        </button>
      </div>
      <Status when={state.data}>Schedule saved.</Status>
    </form>
  );
}
