import { createMutation } from '@urql/solid';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import { DENTAL_FINDING } from '../../lib/labels/clinical.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { FINDING_KINDS, type FindingKind, isFdiTooth, RECORD_TOOTH_FINDING, SURFACES, type Surface } from './dental-queries.ts';

/** Records a finding on one tooth (FDI number, filled in from the chosen tooth), with its surfaces and a note. */
export function ToothFindingForm(props: { encounterId: string; tooth: number | null }) {
  const [tooth, setTooth] = createSignal('');
  const [finding, setFinding] = createSignal<FindingKind | ''>('');
  const [surfaces, setSurfaces] = createSignal<Surface[]>([]);
  const [note, setNote] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [saved, setSaved] = createSignal(false);
  const [state, record] = createMutation(RECORD_TOOTH_FINDING);
  createEffect(
    on(
      () => props.tooth,
      (t) => t !== null && setTooth(String(t)),
    ),
  );
  const fieldError = (name: string) => errors()[name] ?? describeError(state.error)?.fields[name];
  const toggle = (s: Surface, checked: boolean) => setSurfaces((list) => (checked ? [...list, s] : list.filter((x) => x !== s)));
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    const n = Number(tooth().trim());
    const found: Record<string, string> = {};
    if (!tooth().trim() || !isFdiTooth(n)) found.tooth = 'Enter an FDI tooth number: 11–18, 21–28, 31–38, 41–48 (primary 51–85).';
    if (!finding()) found.finding = 'Choose a finding.';
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await record({
      encounterId: props.encounterId,
      tooth: n,
      finding: finding() as FindingKind,
      surfaces: surfaces(),
      note: note().trim() || null,
    });
    if (result.data) {
      setSurfaces([]);
      setNote('');
      setSaved(true);
    }
  };
  return (
    <form onSubmit={submit} aria-label="Record a tooth finding" novalidate>
      <div class="row">
        <Field label="Tooth (FDI)" error={fieldError('tooth')}>
          {(c) => <input {...c} inputmode="numeric" value={tooth()} onInput={(e) => setTooth(e.currentTarget.value)} />}
        </Field>
        <Field label="Finding" error={fieldError('finding')}>
          {(c) => (
            <select {...c} value={finding()} onChange={(e) => setFinding(e.currentTarget.value as FindingKind)}>
              <option value="">Choose…</option>
              <For each={FINDING_KINDS}>{(k) => <option value={k}>{DENTAL_FINDING[k]}</option>}</For>
            </select>
          )}
        </Field>
      </div>
      <fieldset class="checks">
        <legend>Surfaces</legend>
        <For each={SURFACES}>
          {(s) => (
            <label>
              <input type="checkbox" checked={surfaces().includes(s.value)} onChange={(e) => toggle(s.value, e.currentTarget.checked)} /> {s.label}
            </label>
          )}
        </For>
        <Show when={fieldError('surfaces')}>
          <small class="field-error">{fieldError('surfaces')}</small>
        </Show>
      </fieldset>
      <Field label="Note (optional)" error={fieldError('note')}>
        {(c) => <input {...c} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Record finding
      </button>
      <Status when={saved()}>Finding recorded.</Status>
    </form>
  );
}
