import { createSignal, For, Show } from 'solid-js';
import { useFacilityZone } from '../../features/facilities.ts';
import { formatZonedDateTime } from '../../lib/format.ts';
import { type FragmentOf, type ResultOf, readFragment } from '../../lib/graphql.ts';
import { NOTE_TEMPLATE } from '../../lib/labels/clinical.ts';
import { NoteEditor } from './NoteEditor.tsx';
import { NOTE_FIELDS, NOTE_VERSION_FIELDS } from './queries.ts';

/** The encounter's notes, each with its full version history; every edit adds a version. */
export function Notes(props: { encounterId: string; notes: readonly FragmentOf<typeof NOTE_FIELDS>[]; editable: boolean; onChanged: () => void }) {
  const zone = useFacilityZone();
  const [editing, setEditing] = createSignal<string | null>(null);
  const done = () => {
    setEditing(null);
    props.onChanged();
  };
  return (
    <section aria-label="Notes" class="card">
      <h2>Notes</h2>
      <For each={readFragment(NOTE_FIELDS, props.notes)} fallback={<p class="empty">No notes yet.</p>}>
        {(note) => (
          <article class="note">
            <h3>
              {NOTE_TEMPLATE[note.template]} note · version {note.currentVersion}
            </h3>
            <Show when={editing() === note.id} fallback={<Sections version={readFragment(NOTE_VERSION_FIELDS, note.current)} />}>
              <NoteEditor encounterId={props.encounterId} note={note} onDone={done} />
            </Show>
            <Show when={props.editable && editing() !== note.id}>
              <button type="button" class="secondary" onClick={() => setEditing(note.id)}>
                Edit
              </button>
            </Show>
            <Show when={note.versions.length > 1}>
              <details>
                <summary>Version history ({note.versions.length})</summary>
                <ol>
                  <For each={readFragment(NOTE_VERSION_FIELDS, note.versions)}>
                    {(v) => (
                      <li>
                        <p>
                          Version {v.version} · {formatZonedDateTime(v.editedAt, zone())}
                          {v.changeReason ? ` · ${v.changeReason}` : ''}
                        </p>
                        <Sections version={v} />
                      </li>
                    )}
                  </For>
                </ol>
              </details>
            </Show>
          </article>
        )}
      </For>
      <Show when={props.editable}>
        <Show
          when={editing() === 'new'}
          fallback={
            <button type="button" onClick={() => setEditing('new')}>
              New note
            </button>
          }
        >
          <NoteEditor encounterId={props.encounterId} onDone={done} />
        </Show>
      </Show>
    </section>
  );
}

function Sections(props: { version: ResultOf<typeof NOTE_VERSION_FIELDS> }) {
  return (
    <dl class="sections">
      <For each={props.version.sections}>
        {(s) => (
          <>
            <dt>{s.title}</dt>
            <dd>{s.text}</dd>
          </>
        )}
      </For>
    </dl>
  );
}
