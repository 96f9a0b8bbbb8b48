import { createMutation } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { type FragmentOf, graphql, readFragment, type VariablesOf } from '../../lib/graphql.ts';
import { ALLERGY_SEVERITY } from '../../lib/labels/clinical.ts';
import { check } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';

/** An allergy as the chart lists it. */
export const ALLERGY_FIELDS = graphql(`
  fragment AllergyFields on Allergy {
    id substance severity reaction
  }
`);

export const ADD_ALLERGY = graphql(
  `
  mutation AddAllergy($patientId: ID!, $input: AllergyInput!) {
    addAllergy(patientId: $patientId, input: $input) { id allergies { ...AllergyFields } }
  }
`,
  [ALLERGY_FIELDS],
);

export const REMOVE_ALLERGY = graphql(
  `
  mutation RemoveAllergy($id: ID!) {
    removeAllergy(id: $id) { id allergies { ...AllergyFields } }
  }
`,
  [ALLERGY_FIELDS],
);

type Severity = VariablesOf<typeof ADD_ALLERGY>['input']['severity'];
const ORDER: readonly Severity[] = ['LIFE_THREATENING', 'SEVERE', 'MODERATE', 'MILD'];

/** The patient's allergies, most severe first, recording a new one and removing one recorded in error (after a second click). */
export function AllergyList(props: { patientId: string; allergies: readonly FragmentOf<typeof ALLERGY_FIELDS>[] }) {
  const [substance, setSubstance] = createSignal('');
  const [severity, setSeverity] = createSignal<Severity>('MODERATE');
  const [reaction, setReaction] = createSignal('');
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const [state, add] = createMutation(ADD_ALLERGY);
  const [removing, setRemoving] = createSignal<string | null>(null);
  const [removal, remove] = createMutation(REMOVE_ALLERGY);
  const sorted = () => [...readFragment(ALLERGY_FIELDS, props.allergies)].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setInvalid(check.required(substance(), 'Name the substance.'));
    if (invalid()) return;
    const result = await add({
      patientId: props.patientId,
      input: { substance: substance().trim(), severity: severity(), reaction: reaction().trim() || null },
    });
    if (!result.data) return;
    setSubstance('');
    setReaction('');
  };
  return (
    <section aria-label="Allergies" class="card">
      <h2>Allergies</h2>
      <ul class="allergies">
        <For each={sorted()} fallback={<li class="empty">No known allergies recorded.</li>}>
          {(a) => (
            <li class={`severity-${a.severity.toLowerCase()}`}>
              <strong>{a.substance}</strong> — {ALLERGY_SEVERITY[a.severity]}
              {a.reaction ? ` (${a.reaction})` : ''}{' '}
              <Show
                when={removing() === a.id}
                fallback={
                  <button type="button" class="link" onClick={() => setRemoving(a.id)} aria-label={`Remove allergy ${a.substance}`}>
                    Remove
                  </button>
                }
              >
                <button type="button" class="danger" disabled={removal.fetching} onClick={() => remove({ id: a.id }).then((r) => r.data && setRemoving(null))}>
                  Yes, remove {a.substance}
                </button>{' '}
                <button type="button" class="secondary" onClick={() => setRemoving(null)}>
                  Keep
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <form onSubmit={submit} aria-label="Add an allergy" class="row" novalidate>
        <Field label="Substance" error={invalid()}>
          {(c) => <input {...c} value={substance()} onInput={(e) => setSubstance(e.currentTarget.value)} />}
        </Field>
        <Field label="Severity">
          {(c) => (
            <select {...c} value={severity()} onChange={(e) => setSeverity(e.currentTarget.value as Severity)}>
              <For each={ORDER}>
                {(s) => (
                  <option value={s} selected={s === severity()}>
                    {ALLERGY_SEVERITY[s]}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <Field label="Reaction">{(c) => <input {...c} value={reaction()} onInput={(e) => setReaction(e.currentTarget.value)} />}</Field>
        <button type="submit" disabled={state.fetching}>
          Add allergy
        </button>
      </form>
      <ErrorNotice error={state.error ?? removal.error} />
    </section>
  );
}
