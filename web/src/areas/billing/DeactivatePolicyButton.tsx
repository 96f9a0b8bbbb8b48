import { createMutation } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { DEACTIVATE_POLICY } from './account-queries.ts';

/** Ends an insurance policy (lapsed, replaced): it takes no new claims; past claims stay. Asks once more first. */
export function DeactivatePolicyButton(props: { policyId: string; payer: string }) {
  const [confirming, setConfirming] = createSignal(false);
  const [state, deactivate] = createMutation(DEACTIVATE_POLICY);
  return (
    <>
      <Show
        when={confirming()}
        fallback={
          <button type="button" class="secondary" onClick={() => setConfirming(true)}>
            Deactivate…
          </button>
        }
      >
        <button type="button" class="danger" disabled={state.fetching} onClick={() => deactivate({ id: props.policyId }).then(() => setConfirming(false))}>
          Deactivate {props.payer} policy
        </button>
        <button type="button" class="secondary" onClick={() => setConfirming(false)}>
          Keep it
        </button>
      </Show>
      <ErrorNotice error={state.error} />
    </>
  );
}
