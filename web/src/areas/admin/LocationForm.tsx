import { createMutation } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { FacilityInfo } from '../../features/facilities.ts';
import { LOCATION_KIND } from '../../lib/labels/supply.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { CREATE_LOCATION, LOCATION_KINDS, type LocationKind } from './catalogue-queries.ts';
import { fieldErrors } from './field-errors.ts';
import { TextInput } from './TextInput.tsx';

/** Adds a stock location (pharmacy, ward cabinet, lab, store) at a facility. */
export function LocationForm(props: { facility: FacilityInfo }) {
  const [form, setForm] = createStore({ code: '', name: '', kind: 'PHARMACY' as LocationKind });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, create] = createMutation(CREATE_LOCATION);
  const fieldError = fieldErrors(errors, state);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found = collect({
      code: /^[A-Za-z0-9._-]{1,40}$/.test(form.code.trim()) ? null : 'Use letters, digits, dot, dash or underscore.',
      name: check.required(form.name, 'Enter the location’s name.'),
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await create({ input: { facilityId: props.facility.id, code: form.code.trim(), name: form.name.trim(), kind: form.kind } });
    if (!result.data) return;
    setForm({ code: '', name: '' });
  };
  return (
    <form onSubmit={submit} aria-label="New location" class="card" novalidate>
      <h2>New location at {props.facility.name}</h2>
      <div class="row">
        <TextInput label="Code" value={form.code} onInput={(v) => setForm('code', v)} error={fieldError('code')} />
        <TextInput label="Name" value={form.name} onInput={(v) => setForm('name', v)} error={fieldError('name')} />
        <Field label="Kind" error={fieldError('kind')}>
          {(c) => (
            <select {...c} value={form.kind} onChange={(e) => setForm('kind', e.currentTarget.value as LocationKind)}>
              <For each={LOCATION_KINDS}>
                {(k) => (
                  <option value={k} selected={k === form.kind}>
                    {LOCATION_KIND[k]}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
      </div>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Add location
      </button>
      <Status when={state.data}>Location added.</Status>
    </form>
  );
}
