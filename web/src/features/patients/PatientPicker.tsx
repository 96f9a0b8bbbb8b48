import { createQuery } from '@urql/solid';
import { createSignal, For, type JSX, onCleanup, Show } from 'solid-js';
import { formatDate } from '../../lib/format.ts';
import { graphql, type ResultOf, readFragment } from '../../lib/graphql.ts';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';

/** A patient as pickers and registration show them. */
export const PATIENT_SUMMARY_FIELDS = graphql(`
  fragment PatientSummaryFields on Patient {
    id mrn displayName dateOfBirth phone
  }
`);

export type PatientSummary = ResultOf<typeof PATIENT_SUMMARY_FIELDS>;

export const SEARCH_PATIENTS = graphql(
  `
  query SearchPatients($search: String!, $first: Int) {
    patients(search: $search, first: $first) {
      nodes { ...PatientSummaryFields }
    }
  }
`,
  [PATIENT_SUMMARY_FIELDS],
);

/** Search by name, MRN or phone and pick one patient; `noMatch` adds what to offer when a search finds nobody. */
export function PatientPicker(props: {
  selected: PatientSummary | null;
  onSelect: (p: PatientSummary | null) => void;
  label?: string;
  noMatch?: (search: string) => JSX.Element;
}) {
  const [text, setText] = createSignal('');
  const [search, setSearch] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const type = (value: string) => {
    setText(value);
    clearTimeout(timer);
    timer = setTimeout(() => setSearch(value.trim()), 250);
  };
  onCleanup(() => clearTimeout(timer));
  const [result] = createQuery({
    query: SEARCH_PATIENTS,
    variables: () => ({ search: search(), first: 10 }),
    pause: () => search().length < 2,
  });
  return (
    <Show
      when={props.selected}
      fallback={
        <div class="patient-picker">
          <Field label={props.label ?? 'Patient'} hint="Name, MRN or phone">
            {(c) => <input {...c} type="search" value={text()} onInput={(e) => type(e.currentTarget.value)} autocomplete="off" />}
          </Field>
          <Show when={search().length >= 2}>
            <Loaded result={result} isEmpty={(d) => !d.patients.nodes.length} empty="No patient matches.">
              {(data) => (
                <ul class="choices" aria-label="Matching patients">
                  <For each={readFragment(PATIENT_SUMMARY_FIELDS, data().patients.nodes)}>
                    {(p) => (
                      <li>
                        <button type="button" class="link" onClick={() => props.onSelect(p)}>
                          {p.displayName} · {p.mrn} · born {formatDate(p.dateOfBirth)}
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              )}
            </Loaded>
            <Show when={props.noMatch && !result.fetching && result.data?.patients?.nodes.length === 0}>{props.noMatch!(search())}</Show>
          </Show>
        </div>
      }
    >
      {(p) => (
        <p class="chosen-patient">
          <strong>{p().displayName}</strong> · {p().mrn}{' '}
          <button type="button" class="link" onClick={() => props.onSelect(null)}>
            Change patient
          </button>
        </p>
      )}
    </Show>
  );
}
