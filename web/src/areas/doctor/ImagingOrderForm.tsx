import { createMutation } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import type { VariablesOf } from '../../lib/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { MODALITIES, type Modality, ORDER_IMAGING } from './radiology-queries.ts';

type Priority = NonNullable<VariablesOf<typeof ORDER_IMAGING>['priority']>;

/** Orders an imaging study for this encounter: modality, body part, priority and the clinical question. */
export function ImagingOrderForm(props: { encounterId: string }) {
  const [modality, setModality] = createSignal<Modality | ''>('');
  const [bodyPart, setBodyPart] = createSignal('');
  const [clinicalInfo, setClinicalInfo] = createSignal('');
  const [priority, setPriority] = createSignal<Priority>('ROUTINE');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [saved, setSaved] = createSignal(false);
  const [state, order] = createMutation(ORDER_IMAGING);
  const fieldError = (name: string) => errors()[name] ?? describeError(state.error)?.fields[name];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    const found: Record<string, string> = {};
    if (!modality()) found.modality = 'Choose a modality.';
    if (bodyPart().trim().length < 2) found.bodyPart = 'Name the body part or region (e.g. Chest PA).';
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await order({
      encounterId: props.encounterId,
      modality: modality() as Modality,
      bodyPart: bodyPart().trim(),
      clinicalInfo: clinicalInfo().trim() || null,
      priority: priority(),
    });
    if (result.data) {
      setModality('');
      setBodyPart('');
      setClinicalInfo('');
      setSaved(true);
    }
  };
  return (
    <form onSubmit={submit} aria-label="Order imaging" novalidate>
      <div class="row">
        <Field label="Modality" error={fieldError('modality')}>
          {(c) => (
            <select {...c} value={modality()} onChange={(e) => setModality(e.currentTarget.value as Modality)}>
              <option value="">Choose…</option>
              <For each={MODALITIES}>{(m) => <option value={m.value}>{m.label}</option>}</For>
            </select>
          )}
        </Field>
        <Field label="Body part" error={fieldError('bodyPart')}>
          {(c) => <input {...c} value={bodyPart()} onInput={(e) => setBodyPart(e.currentTarget.value)} />}
        </Field>
        <Field label="Priority">
          {(c) => (
            <select {...c} value={priority()} onChange={(e) => setPriority(e.currentTarget.value as Priority)}>
              <option value="ROUTINE">Routine</option>
              <option value="URGENT">Urgent</option>
              <option value="STAT">Stat</option>
            </select>
          )}
        </Field>
      </div>
      <Field label="Clinical question (optional)" error={fieldError('clinicalInfo')}>
        {(c) => <textarea {...c} rows={2} value={clinicalInfo()} onInput={(e) => setClinicalInfo(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Order imaging
      </button>
      <Status when={saved()}>Imaging ordered.</Status>
    </form>
  );
}
