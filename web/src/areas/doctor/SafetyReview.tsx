import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { findingsOf } from '../../lib/errors.ts';
import { graphql, type ResultOf } from '../../lib/graphql.ts';
import type { Present } from '../../lib/unavailable.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';

export const SAFETY_CHECK = graphql(`
  query SafetyCheck($id: ID!) {
    prescriptionSafetyCheck(id: $id) { key kind level severity message drugs }
  }
`);

export const FINALISE = graphql(`
  mutation FinalisePrescription($id: ID!, $acknowledgements: [SafetyAcknowledgementInput!]) {
    finalisePrescription(id: $id, acknowledgements: $acknowledgements) { id status finalisedAt }
  }
`);

export type SafetyFinding = Present<ResultOf<typeof SAFETY_CHECK>>['prescriptionSafetyCheck'][number];

/**
 * The safety checks of a draft before it is finalised: a block stops it, each warning needs a reason
 * the prescriber types, information is shown. The API runs the same checks again when finalising.
 */
export function SafetyReview(props: { prescriptionId: string; onFinalised: () => void }) {
  const [check] = createQuery({
    query: SAFETY_CHECK,
    variables: () => ({ id: props.prescriptionId }),
    requestPolicy: 'network-only',
  });
  const [reasons, setReasons] = createStore<Record<string, string>>({});
  const [missing, setMissing] = createSignal<string | null>(null);
  const [state, finalise] = createMutation(FINALISE);
  const findings = () => {
    const fromApi = findingsOf<SafetyFinding>(state.error).map((f) => ({ ...f, level: f.level.toUpperCase() as SafetyFinding['level'] }));
    return fromApi.length ? fromApi : (check.data?.prescriptionSafetyCheck ?? []);
  };
  const blocked = () => findings().some((f) => f.level === 'BLOCK');
  const warnings = () => findings().filter((f) => f.level === 'WARNING');
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const unacknowledged = warnings().filter((w) => !(reasons[w.key] ?? '').trim());
    setMissing(unacknowledged.length ? 'Give a reason for each warning you accept.' : null);
    if (unacknowledged.length || blocked()) return;
    const acknowledgements = warnings().map((w) => ({ findingKey: w.key, reason: reasons[w.key]!.trim() }));
    const result = await finalise({ id: props.prescriptionId, acknowledgements });
    if (result.data) props.onFinalised();
  };
  return (
    <form onSubmit={submit} aria-label="Safety review" class="safety" novalidate>
      <Show when={check.data} fallback={<p role="status">Checking allergies and interactions…</p>}>
        <Show when={findings().length} fallback={<p class="notice ok">No allergy or interaction warnings.</p>}>
          <ul class="findings">
            <For each={findings()}>
              {(f) => (
                <li class={`finding level-${f.level.toLowerCase()}`}>
                  <strong>{f.level === 'BLOCK' ? 'Blocked' : f.level === 'WARNING' ? 'Warning' : 'Note'}:</strong> {f.message}
                  <Show when={f.level === 'WARNING'}>
                    <Field label="Reason to go ahead">
                      {(c) => <input {...c} value={reasons[f.key] ?? ''} onInput={(e) => setReasons(f.key, e.currentTarget.value)} />}
                    </Field>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <ErrorNotice error={missing() ?? state.error} />
      <button type="submit" disabled={state.fetching || blocked() || !check.data}>
        {blocked() ? 'Cannot finalise: change the medicines' : 'Finalise prescription'}
      </button>
    </form>
  );
}
