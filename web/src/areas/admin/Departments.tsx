import { createMutation } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { check } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { CREATE_DEPARTMENT, type FacilityRow, UPDATE_DEPARTMENT } from './facility-queries.ts';
import { fieldErrors } from './field-errors.ts';
import { TextInput } from './TextInput.tsx';

/** A facility's departments: rename one, or add one. */
export function Departments(props: { facility: FacilityRow }) {
  const [name, setName] = createSignal('');
  const [editing, setEditing] = createSignal<{ id: string; name: string } | null>(null);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [created, create] = createMutation(CREATE_DEPARTMENT);
  const [renamed, rename] = createMutation(UPDATE_DEPARTMENT);
  const fieldError = fieldErrors(errors, created);
  const renameError = fieldErrors(() => ({}), renamed);
  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    const problem = check.required(name(), 'Enter the department’s name.');
    setErrors(problem ? { name: problem } : {});
    if (problem) return;
    const result = await create({ input: { facilityId: props.facility.id, name: name().trim() } });
    if (!result.data) return;
    setName('');
  };
  const saveRename = async (event: SubmitEvent) => {
    event.preventDefault();
    const target = editing();
    if (!target) return;
    const result = await rename({ id: target.id, input: { name: target.name.trim() } });
    if (!result.data) return;
    setEditing(null);
  };
  return (
    <section aria-label={`Departments of ${props.facility.name}`}>
      <h3>Departments</h3>
      <Show when={props.facility.departments.length} fallback={<p class="empty">No departments yet.</p>}>
        <ul>
          <For each={props.facility.departments}>
            {(d) => (
              <li>
                <Show
                  when={editing()?.id === d.id}
                  fallback={
                    <>
                      {d.name}{' '}
                      <button type="button" class="secondary" aria-label={`Rename ${d.name}`} onClick={() => setEditing({ id: d.id, name: d.name })}>
                        Rename
                      </button>
                    </>
                  }
                >
                  <form class="inline-form" aria-label={`Rename ${d.name}`} onSubmit={saveRename} novalidate>
                    <TextInput label="New name" value={editing()?.name ?? ''} onInput={(v) => setEditing({ id: d.id, name: v })} error={renameError('name')} />
                    <button type="submit" disabled={renamed.fetching}>
                      Save
                    </button>
                    <button type="button" class="secondary" onClick={() => setEditing(null)}>
                      Cancel
                    </button>
                  </form>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <ErrorNotice error={renamed.error} />
      <form class="inline-form" aria-label={`Add a department to ${props.facility.name}`} onSubmit={add} novalidate>
        <TextInput label="Department" value={name()} onInput={setName} error={fieldError('name')} />
        <button type="submit" disabled={created.fetching}>
          Add department
        </button>
      </form>
      <ErrorNotice error={created.error} />
    </section>
  );
}
