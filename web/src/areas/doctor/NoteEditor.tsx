import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { graphql, readFragment } from '../../lib/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { NOTE_VERSION_FIELDS, type NoteInfo } from './queries.ts';

export const NOTE_TEMPLATES = graphql(`
  query NoteTemplates {
    noteTemplates { template title sections { key title prompt } }
  }
`);

export const CREATE_NOTE = graphql(`
  mutation CreateNote($encounterId: ID!, $template: NoteTemplate!, $sections: [NoteSectionInput!]!) {
    createNote(encounterId: $encounterId, template: $template, sections: $sections) { id currentVersion }
  }
`);

export const EDIT_NOTE = graphql(`
  mutation EditNote($noteId: ID!, $expectedVersion: Int!, $sections: [NoteSectionInput!]!, $reason: String) {
    editNote(noteId: $noteId, expectedVersion: $expectedVersion, sections: $sections, reason: $reason) { id currentVersion }
  }
`);

/**
 * Writes a new note from a template, or a new version of one. An edit names the version it started
 * from; if someone saved a newer one meanwhile the API says CONFLICT and nothing is lost.
 */
export function NoteEditor(props: { encounterId: string; note?: NoteInfo; onDone: () => void }) {
  const [templates] = createQuery({ query: NOTE_TEMPLATES });
  const [template, setTemplate] = createSignal(props.note?.template ?? 'SOAP');
  const [text, setText] = createStore<Record<string, string>>(
    Object.fromEntries((props.note ? readFragment(NOTE_VERSION_FIELDS, props.note.current).sections : []).map((s) => [s.key, s.text])),
  );
  const [reason, setReason] = createSignal('');
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const [created, create] = createMutation(CREATE_NOTE);
  const [edited, edit] = createMutation(EDIT_NOTE);
  const definition = () => templates.data?.noteTemplates?.find((t) => t.template === template());
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const sections = (definition()?.sections ?? []).map((s) => ({ key: s.key, text: (text[s.key] ?? '').trim() })).filter((s) => s.text);
    setInvalid(sections.length ? null : 'Write at least one section.');
    if (!sections.length) return;
    const result = props.note
      ? await edit({ noteId: props.note.id, expectedVersion: props.note.currentVersion, sections, reason: reason().trim() || null })
      : await create({ encounterId: props.encounterId, template: template(), sections });
    if (result.data) props.onDone();
  };
  return (
    <form onSubmit={submit} aria-label={props.note ? 'Edit note' : 'New note'} class="note-editor" novalidate>
      <Show when={!props.note}>
        <Field label="Template">
          {(c) => (
            <select {...c} value={template()} onChange={(e) => setTemplate(e.currentTarget.value as NoteInfo['template'])}>
              <For each={templates.data?.noteTemplates ?? []}>
                {(t) => (
                  <option value={t.template} selected={t.template === template()}>
                    {t.title}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
      </Show>
      <For each={definition()?.sections ?? []}>
        {(s) => (
          <Field label={s.title} hint={s.prompt}>
            {(c) => <textarea {...c} rows="3" value={text[s.key] ?? ''} onInput={(e) => setText(s.key, e.currentTarget.value)} />}
          </Field>
        )}
      </For>
      <Show when={props.note}>
        <Field label="Why the change (optional)">{(c) => <input {...c} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}</Field>
      </Show>
      <ErrorNotice error={invalid() ?? created.error ?? edited.error} />
      <button type="submit" disabled={created.fetching || edited.fetching}>
        Save note
      </button>
      <button type="button" class="secondary" onClick={() => props.onDone()}>
        Close editor
      </button>
    </form>
  );
}
