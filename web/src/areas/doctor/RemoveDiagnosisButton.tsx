import { createMutation } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { graphql } from '../../lib/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';

export const REMOVE_DIAGNOSIS = graphql(`
  mutation RemoveDiagnosis($id: ID!) {
    removeDiagnosis(id: $id)
  }
`);

/** Removes a diagnosis entered in error (while the encounter is open), after a second click to confirm. */
export function RemoveDiagnosisButton(props: { id: string; code: string; description: string; onRemoved?: () => void }) {
  const [confirming, setConfirming] = createSignal(false);
  const [state, remove] = createMutation(REMOVE_DIAGNOSIS);
  const confirm = async () => {
    const result = await remove({ id: props.id }, { additionalTypenames: ['Diagnosis'] });
    setConfirming(false);
    if (result.data) props.onRemoved?.();
  };
  return (
    <>
      <Show
        when={confirming()}
        fallback={
          <button type="button" class="link" aria-label={`Remove diagnosis ${props.description}`} onClick={() => setConfirming(true)}>
            Remove
          </button>
        }
      >
        <button type="button" class="danger" onClick={confirm} disabled={state.fetching}>
          Remove {props.code}
        </button>{' '}
        <button type="button" class="secondary" onClick={() => setConfirming(false)}>
          Keep
        </button>
      </Show>
      <ErrorNotice error={state.error} />
    </>
  );
}
