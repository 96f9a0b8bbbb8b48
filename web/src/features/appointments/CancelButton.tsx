import { createMutation } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { CANCEL } from './mutations.ts';

/** Cancel with an optional reason, after a second, explicit confirmation. */
export function CancelButton(props: { id: string; label?: string }) {
  const [open, setOpen] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const [state, cancel] = createMutation(CANCEL);
  const confirm = async () => {
    const result = await cancel({ id: props.id, reason: reason().trim() || null });
    if (result.data) setOpen(false);
  };
  return (
    <Show
      when={open()}
      fallback={
        <button type="button" class="secondary" onClick={() => setOpen(true)}>
          {props.label ?? 'Cancel'}
        </button>
      }
    >
      <fieldset class="inline-form">
        <legend class="visually-hidden">Cancel appointment</legend>
        <Field label="Reason (optional)">{(c) => <input {...c} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}</Field>
        <button type="button" class="danger" onClick={confirm} disabled={state.fetching}>
          Confirm cancellation
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          Keep it
        </button>
        <ErrorNotice error={state.error} />
      </fieldset>
    </Show>
  );
}
