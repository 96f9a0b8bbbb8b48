import { createMutation } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { createStore } from 'solid-js/store';
import { describeError } from '../../lib/errors.ts';
import { graphql } from '../../lib/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';

export const RECORD_VITALS = graphql(`
  mutation RecordVitals($input: RecordVitalsInput!) {
    recordVitals(input: $input) { id recordedAt bmi }
  }
`);

const FIELDS = [
  { key: 'systolic', label: 'Systolic (mmHg)', min: 50, max: 300, int: true },
  { key: 'diastolic', label: 'Diastolic (mmHg)', min: 20, max: 200, int: true },
  { key: 'pulse', label: 'Pulse (bpm)', min: 20, max: 250, int: true },
  { key: 'temperatureC', label: 'Temperature (°C)', min: 30, max: 45, int: false },
  { key: 'spo2', label: 'SpO₂ (%)', min: 50, max: 100, int: true },
  { key: 'respiratoryRate', label: 'Respiratory rate (/min)', min: 4, max: 80, int: true },
  { key: 'weightKg', label: 'Weight (kg)', min: 0.3, max: 400, int: false },
  { key: 'heightCm', label: 'Height (cm)', min: 20, max: 260, int: false },
  { key: 'painScore', label: 'Pain (0–10)', min: 0, max: 10, int: true },
] as const;

/** Records a set of vitals, checking plausible ranges before sending (the API checks them too). */
export function VitalsForm(props: { encounterId: string; onSaved?: () => void }) {
  const [values, setValues] = createStore<Record<string, string>>({});
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, record] = createMutation(RECORD_VITALS);
  const [saved, setSaved] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    const found: Record<string, string> = {};
    const input: Record<string, number> = {};
    for (const f of FIELDS) {
      const raw = (values[f.key] ?? '').trim();
      if (!raw) continue;
      const n = Number(raw);
      if (!Number.isFinite(n) || n < f.min || n > f.max || (f.int && !Number.isInteger(n)))
        found[f.key] = `Between ${f.min} and ${f.max}${f.int ? ', whole number' : ''}.`;
      else input[f.key] = n;
    }
    if (!Object.keys(found).length && !Object.keys(input).length) found.systolic = 'Enter at least one measurement.';
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await record({ input: { encounterId: props.encounterId, ...input } });
    if (result.data) setValues(Object.fromEntries(FIELDS.map((f) => [f.key, ''])));
    setSaved(!!result.data);
    if (result.data) props.onSaved?.();
  };
  return (
    <form onSubmit={submit} aria-label="Record vitals" class="card" novalidate>
      <h2>Vitals</h2>
      <div class="row">
        <For each={FIELDS}>
          {(f) => (
            <Field label={f.label} error={errors()[f.key] ?? describeError(state.error)?.fields[f.key]}>
              {(c) => <input {...c} inputmode="decimal" value={values[f.key] ?? ''} onInput={(e) => setValues(f.key, e.currentTarget.value)} />}
            </Field>
          )}
        </For>
      </div>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Save vitals
      </button>
      <Status when={saved()}>Vitals saved.</Status>
    </form>
  );
}
