import { createMutation } from '@urql/solid';
import { Show } from 'solid-js';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { RELEASE_ORDER, VERIFY_ORDER } from './queries.ts';

/** Verify a resulted order, then release it to the doctor and the patient. */
export function OrderSteps(props: { orderId: string; status: string; onDone: () => void }) {
  const [verified, verify] = createMutation(VERIFY_ORDER);
  const [released, release] = createMutation(RELEASE_ORDER);
  const run = async (step: (variables: { id: string }) => Promise<{ data?: unknown }>) => {
    const result = await step({ id: props.orderId });
    if (result.data) props.onDone();
  };
  return (
    <div class="row">
      <ErrorNotice error={verified.error ?? released.error} />
      <Show when={props.status === 'RESULTED'}>
        <button type="button" onClick={() => run(verify)} disabled={verified.fetching}>
          Verify results
        </button>
      </Show>
      <Show when={props.status === 'VERIFIED'}>
        <button type="button" onClick={() => run(release)} disabled={released.fetching}>
          Release results
        </button>
      </Show>
    </div>
  );
}
