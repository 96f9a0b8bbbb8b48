import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { graphql, type VariablesOf } from '../../lib/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';

export const LAB_CATALOGUE = graphql(`
  query LabCatalogue {
    labTestCatalogue { code name unit }
  }
`);

export const ORDER_LABS = graphql(`
  mutation OrderLabTests($encounterId: ID!, $tests: [String!]!, $priority: OrderPriority) {
    orderLabTests(encounterId: $encounterId, tests: $tests, priority: $priority) { id status }
  }
`);

type Priority = NonNullable<VariablesOf<typeof ORDER_LABS>['priority']>;

/** Orders lab tests from the catalogue for this encounter. */
export function LabOrderForm(props: { encounterId: string; onOrdered: () => void }) {
  const [catalogue] = createQuery({ query: LAB_CATALOGUE });
  const [chosen, setChosen] = createSignal<string[]>([]);
  const [priority, setPriority] = createSignal<Priority>('ROUTINE');
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const [state, order] = createMutation(ORDER_LABS);
  const toggle = (code: string, on: boolean) => setChosen((list) => (on ? [...list, code] : list.filter((c) => c !== code)));
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setInvalid(chosen().length ? null : 'Choose at least one test.');
    if (!chosen().length) return;
    const result = await order({ encounterId: props.encounterId, tests: chosen(), priority: priority() });
    if (result.data) {
      setChosen([]);
      props.onOrdered();
    }
  };
  return (
    <form onSubmit={submit} aria-label="Order lab tests" novalidate>
      <fieldset class="checks">
        <legend>Tests</legend>
        <For each={catalogue.data?.labTestCatalogue ?? []}>
          {(t) => (
            <label>
              <input type="checkbox" checked={chosen().includes(t.code)} onChange={(e) => toggle(t.code, e.currentTarget.checked)} /> {t.name}
            </label>
          )}
        </For>
      </fieldset>
      <Field label="Priority">
        {(c) => (
          <select {...c} value={priority()} onChange={(e) => setPriority(e.currentTarget.value as Priority)}>
            <option value="ROUTINE">Routine</option>
            <option value="URGENT">Urgent</option>
            <option value="STAT">Stat</option>
          </select>
        )}
      </Field>
      <ErrorNotice error={invalid() ?? state.error} />
      <button type="submit" disabled={state.fetching}>
        Order tests
      </button>
      <Status when={state.data}>Tests ordered.</Status>
    </form>
  );
}
