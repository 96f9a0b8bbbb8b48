import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, onCleanup, Show } from 'solid-js';
import { graphql } from '../../lib/graphql.ts';
import { DIAGNOSIS_KIND } from '../../lib/labels/clinical.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import type { EncounterInfo } from './queries.ts';
import { RemoveDiagnosisButton } from './RemoveDiagnosisButton.tsx';

export const ICD10_SEARCH = graphql(`
  query Icd10Search($query: String!) {
    icd10Search(query: $query, first: 8) { code description }
  }
`);

export const ADD_DIAGNOSIS = graphql(`
  mutation AddDiagnosis($encounterId: ID!, $code: String!, $kind: DiagnosisKind) {
    addDiagnosis(encounterId: $encounterId, code: $code, kind: $kind) { id code description kind }
  }
`);

/** The encounter's diagnoses, and adding one from the ICD-10 list. */
export function Diagnoses(props: { encounterId: string; diagnoses: EncounterInfo['diagnoses']; editable: boolean; onChanged?: () => void }) {
  const [text, setText] = createSignal('');
  const [query, setQuery] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const [codes] = createQuery({
    query: ICD10_SEARCH,
    variables: () => ({ query: query() }),
    pause: () => query().length < 2,
  });
  const [state, add] = createMutation(ADD_DIAGNOSIS);
  return (
    <section aria-label="Diagnoses" class="card">
      <h2>Diagnoses</h2>
      <ul>
        <For each={props.diagnoses} fallback={<li class="empty">None yet.</li>}>
          {(d) => (
            <li>
              <strong>{d.code}</strong> {d.description} · {DIAGNOSIS_KIND[d.kind]}
              <Show when={props.editable}>
                {' '}
                <RemoveDiagnosisButton id={d.id} code={d.code} description={d.description} onRemoved={props.onChanged} />
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.editable}>
        <Field label="Find an ICD-10 code" hint="Code or words">
          {(c) => (
            <input
              {...c}
              type="search"
              value={text()}
              onInput={(e) => {
                setText(e.currentTarget.value);
                clearTimeout(timer);
                timer = setTimeout(() => setQuery(text().trim()), 250);
              }}
            />
          )}
        </Field>
        <Show when={query().length >= 2}>
          <ul class="choices" aria-label="Matching codes">
            <For each={codes.data?.icd10Search ?? []}>
              {(code) => (
                <li>
                  <button
                    type="button"
                    class="link"
                    onClick={async () => {
                      // No kind: the API makes the first diagnosis primary and the next ones secondary, so a
                      // list this screen has not refreshed yet cannot produce a second primary.
                      const added = await add({ encounterId: props.encounterId, code: code.code });
                      if (added.data) props.onChanged?.();
                    }}
                  >
                    {code.code} {code.description}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <ErrorNotice error={state.error} />
      </Show>
    </section>
  );
}
